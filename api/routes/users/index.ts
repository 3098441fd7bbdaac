import type { OpenApiRouter } from '../../http/openapi-app';
import { registerCreateUser } from './create';
import { registerListUsers } from './list';
import { registerIssuePasswordLink } from './password-link';
import { registerResetTwoFactor } from './reset-two-factor';
import { registerUpdateUser } from './update';

/** Staff accounts: admins create and list them, change their role, disable them and reset their sign-in. */
export function registerUserRoutes(app: OpenApiRouter): void {
  registerListUsers(app);
  registerCreateUser(app);
  registerUpdateUser(app);
  registerIssuePasswordLink(app);
  registerResetTwoFactor(app);
}
