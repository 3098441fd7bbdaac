import type { APIRoute } from 'astro';
import { historyRss } from '../../data/history-feed';
import { loadSnapshot } from '../../data/load-snapshot';

export const GET: APIRoute = () =>
  new Response(historyRss(loadSnapshot(), 'sw'), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
