import type { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env';

// Placeholder: the readable API reference page (/api/v1/reference) is registered here.
export function registerReferenceRoutes(_app: Hono<AppEnv>): void {}
