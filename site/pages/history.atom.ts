import type { APIRoute } from 'astro';
import { historyAtom } from '../data/history-feed';
import { loadSnapshot } from '../data/load-snapshot';

export const GET: APIRoute = () =>
  new Response(historyAtom(loadSnapshot(), 'en'), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
