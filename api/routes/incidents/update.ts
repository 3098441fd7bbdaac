import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { editIncident } from '../../incidents/edit-incident';
import { getIncidentDetail } from '../../incidents/read-incidents';
import { incidentDetailJson } from './json';
import { EditIncidentSchema, IdParamSchema, IncidentDetailSchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'patch',
  path: '/incidents/{id}',
  tags: ['Incidents'],
  summary: 'Edit an incident’s name, impact, postmortem or schedule',
  description:
    'Once the incident is published, publisher or admin only (403), since the change is public at once. Status, components and restoration change only through published updates. `disruption_from` may change only while the incident was never published (409 after). These fields go out with the pending update, so a change to them gives it a new `revision` and returns an approved update to draft (audited as `update.approval_withdrawn`).',
  request: { params: IdParamSchema, body: { required: true, content: { 'application/json': { schema: EditIncidentSchema } } } },
  responses: {
    200: { description: 'The edited incident.', content: { 'application/json': { schema: IncidentDetailSchema } } },
    ...problemResponses(400, 404, 409),
  },
});

export function registerUpdateIncident(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db, siteBuilds } = c.get('deps');
    const { publicChange } = await editIncident(
      db,
      id,
      {
        name: body.name,
        nameSw: body.name_sw,
        impact: body.impact,
        postmortem: body.postmortem,
        scheduledFor: body.scheduled_for,
        scheduledUntil: body.scheduled_until,
        disruptionFrom: body.disruption_from,
      },
      actionContext(c),
    );
    if (publicChange) siteBuilds.schedule(`incident ${id} edited`);
    return c.json(incidentDetailJson(await getIncidentDetail(db, id)), 200);
  });
}
