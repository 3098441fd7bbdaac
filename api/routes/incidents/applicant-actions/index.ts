import type { OpenApiRouter } from '../../../http/openapi-app';
import { registerGetApplicantActions } from './get';

/** GET /incidents/{id}/applicant-actions: how applicants acted on the incident's new dates. */
export function registerIncidentApplicantActionRoutes(app: OpenApiRouter): void {
  registerGetApplicantActions(app);
}
