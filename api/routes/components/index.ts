import type { OpenApiRouter } from '../../http/openapi-app';

// Placeholder: the components routes are registered here.
export function registerComponentRoutes(_app: OpenApiRouter): void {}
