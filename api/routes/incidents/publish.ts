import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { publishUpdate } from '../../incidents/publish-update';
import { getIncidentDetail } from '../../incidents/read-incidents';
import { incidentDetailJson } from './json';
import { reviewedRevision } from './reviewed-revision';
import { IdParamSchema, PublishSchema, PublishedIncidentSchema, ReviewedRevisionHeadersSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'post',
  path: '/incidents/{id}/publish',
  tags: ['Updates'],
  summary: 'Publish the pending update',
  description:
    'Not by the person who drafted it (403); an admin may publish their own draft by passing `override_reason`, which is kept on the update and in the audit log. Name the revision you reviewed (from GET /incidents/{id}/preview) as `revision` in the body or an `If-Match: "<revision>"` header: without it 428; if the update or the incident fields it sends changed since, 409 with `current_revision` and nothing is published. In one transaction: the update is published, the incident and its components change, affected appointments move and messages are queued. 409 when nothing is pending (e.g. publishing twice).',
  request: {
    params: IdParamSchema,
    headers: ReviewedRevisionHeadersSchema,
    body: { required: false, content: { 'application/json': { schema: PublishSchema } } },
  },
  responses: {
    200: { description: 'The incident as published, and how many appointments moved.', content: { 'application/json': { schema: PublishedIncidentSchema } } },
    ...problemResponses(400, 404, 409, 428),
  },
});

export function registerPublishIncident(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db, siteBuilds } = c.get('deps');
    const expectedRevision = reviewedRevision(body?.revision, c.req.valid('header')['if-match']);
    const { rescheduled, update } = await publishUpdate(db, id, { ...actionContext(c), expectedRevision, overrideReason: body?.override_reason ?? null });
    siteBuilds.schedule(`incident ${id}: update ${update.id} published`);
    return c.json({ ...incidentDetailJson(await getIncidentDetail(db, id)), rescheduled: { moved: rescheduled.moved, waiting: rescheduled.waiting } }, 200);
  });
}
