import type { OpenApiRouter } from '../../../http/openapi-app';
import { registerGetIncidentPreview } from './get';

/** GET /incidents/{id}/preview: the X post, emails and new dates publishing would produce. */
export function registerIncidentPreviewRoutes(app: OpenApiRouter): void {
  registerGetIncidentPreview(app);
}
