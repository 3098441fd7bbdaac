import type { AuthenticatedToken } from '../auth/tokens';
import type { AppDependencies } from '../dependencies';

/** Hono's environment for every route: the dependencies and, after auth, the caller's token. */
export type AppEnv = { Variables: { deps: AppDependencies; token: AuthenticatedToken } };
