import type { ApplicantVisitRecorder } from '../applicants/record-applicant-action';
import type { FailedAuthThrottle } from '../auth/failed-auth-throttle';
import type { AuthenticatedToken } from '../auth/tokens';
import type { AppDependencies } from '../dependencies';
import type { StaffSession } from '../staff/staff-sessions';

/** What @hono/node-server passes as the app's env, as far as the app reads it; app.request() passes none. */
export type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

/**
 * Hono's environment for every route: the dependencies, this app's throttle of failed
 * authentications, its applicant visit recorder and, after auth, the caller's token (API) or signed-in person and parsed
 * form (console; `staff` is unset until someone signs in).
 */
export type AppEnv = {
  Bindings: NodeBindings;
  Variables: {
    deps: AppDependencies;
    authThrottle: FailedAuthThrottle;
    applicantVisits: ApplicantVisitRecorder;
    token: AuthenticatedToken;
    staff: StaffSession | undefined;
    form: Record<string, string | File | (string | File)[]>;
  };
};
