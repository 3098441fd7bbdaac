import type { OpenApiRouter } from '../../http/openapi-app';

// Placeholder: the tokens routes are registered here.
export function registerTokenRoutes(_app: OpenApiRouter): void {}
