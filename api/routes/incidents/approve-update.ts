import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { approveUpdate } from '../../incidents/approve-update';
import { updateJson } from './json';
import { reviewedRevision } from './reviewed-revision';
import { ApproveSchema, IncidentUpdateSchema, ReviewedRevisionHeadersSchema, UpdateParamSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'post',
  path: '/incidents/{id}/updates/{update_id}/approve',
  tags: ['Updates'],
  summary: 'Approve a draft update (four-eyes)',
  description:
    'Not by the person who drafted it (403). Name the revision you reviewed (from GET /incidents/{id}/preview) as `revision` in the body or an `If-Match: "<revision>"` header: without it 428; if the update or the incident fields it sends changed since, 409 with `current_revision` and nothing changes. Any later change to those returns the update to draft.',
  request: {
    params: UpdateParamSchema,
    headers: ReviewedRevisionHeadersSchema,
    body: { required: false, content: { 'application/json': { schema: ApproveSchema } } },
  },
  responses: {
    200: { description: 'The approved update.', content: { 'application/json': { schema: IncidentUpdateSchema } } },
    ...problemResponses(400, 404, 409, 428),
  },
});

export function registerApproveUpdate(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id, update_id: updateId } = c.req.valid('param');
    const body = c.req.valid('json');
    const expectedRevision = reviewedRevision(body?.revision, c.req.valid('header')['if-match']);
    const { db } = c.get('deps');
    const update = await approveUpdate(db, id, updateId, { ...actionContext(c), expectedRevision });
    return c.json(updateJson(update), 200);
  });
}
