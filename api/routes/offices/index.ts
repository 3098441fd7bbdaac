import type { OpenApiRouter } from '../../http/openapi-app';

// Placeholder: the offices routes are registered here.
export function registerOfficeRoutes(_app: OpenApiRouter): void {}
