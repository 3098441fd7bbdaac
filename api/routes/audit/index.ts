import type { OpenApiRouter } from '../../http/openapi-app';
import { registerListAudit } from './list';

/** The audit log, read-only, for admins. */
export function registerAuditRoutes(app: OpenApiRouter): void {
  registerListAudit(app);
}
