import type { OpenApiRouter } from '../../../http/openapi-app';
import { registerGetIncidentAffected } from './get';

/** GET /incidents/{id}/affected: the appointments an incident disrupts (counts for all staff, items for publishers). */
export function registerIncidentAffectedRoutes(app: OpenApiRouter): void {
  registerGetIncidentAffected(app);
}
