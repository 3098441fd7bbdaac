import { createIncident } from '../../incidents/create-incident';
import { getIncidentDetail } from '../../incidents/read-incidents';
import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { incidentDetailJson, updateContentFromJson } from './json';
import { CreateIncidentSchema, IncidentDetailSchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'post',
  path: '/incidents',
  tags: ['Incidents'],
  summary: 'Create an incident with its first update as a draft',
  description: 'Nothing is public until the draft is published (POST /incidents/{id}/publish).',
  request: { body: { required: true, content: { 'application/json': { schema: CreateIncidentSchema } } } },
  responses: {
    201: { description: 'Created; the first update is a draft.', content: { 'application/json': { schema: IncidentDetailSchema } } },
    ...problemResponses(400),
  },
});

export function registerCreateIncident(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const { db } = c.get('deps');
    const { incident } = await createIncident(
      db,
      {
        ...updateContentFromJson(body),
        name: body.name,
        nameSw: body.name_sw,
        kind: body.kind,
        impact: body.impact,
        disruptionFrom: body.disruption_from,
        scheduledFor: body.scheduled_for,
        scheduledUntil: body.scheduled_until,
      },
      actionContext(c),
    );
    return c.json(incidentDetailJson(await getIncidentDetail(db, incident.id)), 201);
  });
}
