import { createRoute } from '@hono/zod-openapi';
import { anyStaff } from '../../auth/require-role';
import { previewIncidentBroadcast } from '../../broadcast/preview-incident-broadcast';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { BroadcastPreviewSchema, PreviewParamSchema, previewJson } from './schema';

const route = createRoute({
  method: 'get',
  path: '/incidents/{id}/preview',
  tags: ['Incidents'],
  summary: 'What publishing the pending update would send',
  description:
    'The X post (text, weighted length, whether it replies in the incident’s thread), a sample applicant email in English and Swahili (subject, HTML, text; placeholder applicant), and the appointments it would move, and the `revision` of that content, which approve and publish must name. Writes nothing.',
  security: [{ bearer: [] }],
  middleware: [anyStaff] as const,
  request: { params: PreviewParamSchema },
  responses: {
    200: { description: 'The preview.', content: { 'application/json': { schema: BroadcastPreviewSchema } } },
    ...problemResponses(401, 404, 409),
  },
});

export function registerGetIncidentPreview(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { db, config, now } = c.get('deps');
    return c.json(previewJson(await previewIncidentBroadcast(db, config, id, { now: now() })), 200);
  });
}
