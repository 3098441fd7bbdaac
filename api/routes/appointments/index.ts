import type { OpenApiRouter } from '../../http/openapi-app';

// Placeholder: the appointments routes are registered here.
export function registerAppointmentRoutes(_app: OpenApiRouter): void {}
