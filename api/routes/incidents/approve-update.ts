import { createRoute } from '@hono/zod-openapi';
import { publishers } from '../../auth/require-role';
import { actionContext } from './action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { approveUpdate } from '../../incidents/approve-update';
import { updateJson } from './incident-json';
import { IncidentUpdateSchema, UpdateParamSchema } from './schema';

const route = createRoute({
  method: 'post',
  path: '/incidents/{id}/updates/{update_id}/approve',
  tags: ['Updates'],
  summary: 'Approve a draft update (four-eyes)',
  description: 'Publisher or admin, and not the person who drafted it (403).',
  security: [{ bearer: [] }],
  middleware: [publishers] as const,
  request: { params: UpdateParamSchema },
  responses: {
    200: { description: 'The approved update.', content: { 'application/json': { schema: IncidentUpdateSchema } } },
    ...problemResponses(401, 403, 404, 409),
  },
});

export function registerApproveUpdate(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id, update_id: updateId } = c.req.valid('param');
    const { db } = c.get('deps');
    const update = await approveUpdate(db, id, updateId, actionContext(c));
    return c.json(updateJson(update), 200);
  });
}
