import type { APIRoute } from 'astro';
import { pageBadgeResponse } from '../data/badge-responses';

export const GET: APIRoute = () => pageBadgeResponse('en');
