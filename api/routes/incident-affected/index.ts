import type { OpenApiRouter } from '../../http/openapi-app';

// Placeholder: GET /incidents/{id}/affected (appointments an incident disrupts) is registered here.
export function registerIncidentAffectedRoutes(_app: OpenApiRouter): void {}
