import { createRoute, z } from '@hono/zod-openapi';
import { anyStaff } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';

const SiteStatusSchema = z
  .object({
    building: z.boolean(),
    last_good_build: z.object({ at: z.string() }).nullable(),
    last_failure: z.object({ at: z.string(), error: z.string() }).nullable(),
    healthy: z.boolean().openapi({ description: 'False when the latest build failed: the public page shows the last good build.' }),
  })
  .openapi('SiteStatus');

const route = createRoute({
  method: 'get',
  path: '/site/status',
  tags: ['Site'],
  summary: 'State of the public status page builds',
  description: 'Whether a rebuild is running, when the served build was made, and the last failure, if the latest build failed.',
  security: [{ bearer: [] }],
  middleware: [anyStaff] as const,
  responses: {
    200: { description: 'Build state.', content: { 'application/json': { schema: SiteStatusSchema } } },
    ...problemResponses(401),
  },
});

export function registerGetSiteStatus(app: OpenApiRouter): void {
  app.openapi(route, (c) => {
    const status = c.get('deps').siteBuilds.status();
    const failedLast = status.lastFailure !== null && (status.lastGood === null || status.lastFailure.at > status.lastGood.at);
    return c.json(
      {
        building: status.building,
        last_good_build: status.lastGood && { at: status.lastGood.at },
        last_failure: status.lastFailure,
        healthy: !failedLast,
      },
      200,
    );
  });
}
