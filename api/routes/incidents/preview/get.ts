import { previewIncidentBroadcast } from '../../../broadcast/preview-incident-broadcast';
import type { OpenApiRouter } from '../../../http/openapi-app';
import { problemResponses } from '../../../http/problem-schema';
import { staffRoute } from '../../../http/staff-route';
import { IdParamSchema } from '../schema';
import { previewJson } from './json';
import { BroadcastPreviewSchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'get',
  path: '/incidents/{id}/preview',
  tags: ['Incidents'],
  summary: 'What publishing the pending update would send',
  description:
    'The X post (text, weighted length, whether it replies in the incident’s thread), a sample applicant email in English and Swahili (subject, HTML, text; placeholder applicant), and the appointments it would move, and the `revision` of that content, which approve and publish must name. Writes nothing.',
  request: { params: IdParamSchema },
  responses: {
    200: { description: 'The preview.', content: { 'application/json': { schema: BroadcastPreviewSchema } } },
    ...problemResponses(404, 409),
  },
});

export function registerGetIncidentPreview(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { db, config, now } = c.get('deps');
    return c.json(previewJson(await previewIncidentBroadcast(db, config, id, { now: now() })), 200);
  });
}
