import { summariseApplicantActions } from '../../../applicants/summarise-applicant-actions';
import type { OpenApiRouter } from '../../../http/openapi-app';
import { problemResponses } from '../../../http/problem-schema';
import { staffRoute } from '../../../http/staff-route';
import { IdParamSchema } from '../schema';
import { ApplicantActionsSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'get',
  path: '/incidents/{id}/applicant-actions',
  tags: ['Incidents'],
  summary: 'What applicants did about their new dates',
  description: 'How many applicants the incident moved opened their email link, looked their appointment up or chose another date, and the days those choices filled. Counts only, no names.',
  request: { params: IdParamSchema },
  responses: {
    200: { description: 'The counts.', content: { 'application/json': { schema: ApplicantActionsSchema } } },
    ...problemResponses(404),
  },
});

export function registerGetApplicantActions(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const incidentId = c.req.valid('param').id;
    await c.get('applicantVisits').flush();
    const summary = await summariseApplicantActions(c.get('deps').db, incidentId);
    return c.json({ incident_id: incidentId, applicants: summary.applicants, chosen_days: summary.chosenDays }, 200);
  });
}
