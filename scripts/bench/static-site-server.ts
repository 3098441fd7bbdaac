import { Hono } from 'hono';
import { startServer } from '../../api/server';

/**
 * A server process for the path-spellings benchmark: the real request handler over the site folder
 * given as the first argument, with a stand-in staff route whose latency shows event-loop stalls.
 * Prints its URL on the first line of stdout.
 */
const siteDir = process.argv[2];
if (!siteDir) {
  console.error('usage: static-site-server.ts SITE_DIR');
  process.exit(2);
}
const app = new Hono();
app.get('/api/v1/ping', (c) => c.json({ ok: true }));
const server = await startServer({ app, siteDir, host: '127.0.0.1', port: 0 });
console.log(server.url);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
