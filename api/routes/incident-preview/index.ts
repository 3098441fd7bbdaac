import type { OpenApiRouter } from '../../http/openapi-app';

// Placeholder: GET /incidents/{id}/preview (the X post, emails and new dates publishing would produce) is registered here.
export function registerIncidentPreviewRoutes(_app: OpenApiRouter): void {}
