import type { OpenApiRouter } from '../../http/openapi-app';
import { registerCreateToken } from './create';
import { registerListTokens } from './list';
import { registerRevokeToken } from './revoke';

/** API tokens: admins issue, list and revoke them. */
export function registerTokenRoutes(app: OpenApiRouter): void {
  registerListTokens(app);
  registerCreateToken(app);
  registerRevokeToken(app);
}
