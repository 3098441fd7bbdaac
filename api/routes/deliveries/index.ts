import type { OpenApiRouter } from '../../http/openapi-app';

// Placeholder: the deliveries routes are registered here.
export function registerDeliveryRoutes(_app: OpenApiRouter): void {}
