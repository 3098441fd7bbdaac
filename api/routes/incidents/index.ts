import type { OpenApiRouter } from '../../http/openapi-app';

// Placeholder: the incidents routes are registered here.
export function registerIncidentRoutes(_app: OpenApiRouter): void {}
