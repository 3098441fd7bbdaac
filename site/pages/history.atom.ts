import type { APIRoute } from 'astro';
import { historyFeed } from '../data/history-feed';
import { loadSnapshot } from '../data/load-snapshot';

export const GET: APIRoute = () =>
  new Response(historyFeed(loadSnapshot()).atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
