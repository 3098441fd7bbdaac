import type { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env';
import type { OpenApiDocument } from './openapi-document';
import { renderReference } from './render-reference';

/**
 * GET /api/v1/reference: the staff API reference as one readable HTML page, rendered on the
 * server from the same OpenAPI document the API serves, so the two never disagree. Public,
 * like openapi.json: it describes the API and holds no data.
 */
export function registerReferenceRoutes(app: Hono<AppEnv>): void {
  // The document is fixed once the app is built; render it on first request and keep it.
  let page: string | undefined;
  app.get('/api/v1/reference', async function serveReference(c) {
    if (page === undefined) {
      const response = await app.request('/api/v1/openapi.json');
      page = renderReference((await response.json()) as OpenApiDocument);
    }
    c.header('Cache-Control', 'public, max-age=300');
    // No scripts, styles only inline: the policy says so to the browser too.
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
    return c.html(page);
  });
}
