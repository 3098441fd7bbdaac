import type { OpenApiRouter } from '../../http/openapi-app';
import { staffRoute } from '../../http/staff-route';
import { siteStatusJson } from './json';
import { SiteStatusSchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'get',
  path: '/site/status',
  tags: ['Site'],
  summary: 'State of the public status page builds',
  description: 'Whether a rebuild is running, when the served build was made, and the last failure, if the latest build failed.',
  responses: {
    200: { description: 'Build state.', content: { 'application/json': { schema: SiteStatusSchema } } },
  },
});

export function registerGetSiteStatus(app: OpenApiRouter): void {
  app.openapi(route, (c) => c.json(siteStatusJson(c.get('deps').siteBuilds.status()), 200));
}
