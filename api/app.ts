import { STATUS_CODES } from 'node:http';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { createApplicantVisitRecorder } from './applicants/record-applicant-action';
import { createFailedAuthThrottle } from './auth/failed-auth-throttle';
import { createConsoleApp } from './console/console-app';
import type { AppDependencies } from './dependencies';
import { DomainError } from './domain-errors';
import type { AppEnv } from './http/app-env';
import { limitRequestBodies } from './http/body-limit';
import { domainProblem } from './http/domain-error-status';
import { createOpenApiRouter } from './http/openapi-app';
import { ProblemError, problemResponse } from './http/problem';
import { staffApiHeaders } from './http/staff-api-headers';
import { storageProblem } from './http/storage-problem';
import { loggableError, loggableErrorWithStack } from './logging/loggable-error';
import { registerPublicRoutes, registerStaffRoutes } from './routes/index';

/** Hono's own refusals (body parsing, media type) in words that say what to send instead. */
function explainHttpException(error: HTTPException): string {
  if (/malformed json/i.test(error.message)) return 'The request body is not valid JSON: send one JSON object with Content-Type: application/json.';
  if (error.status === 415) return 'Unsupported media type: send the body as application/json (CSV imports: text/csv).';
  return error.message || (STATUS_CODES[error.status] ?? 'Error');
}

/**
 * The whole HTTP application minus static files: the staff API under /api/v1 and the public
 * dynamic routes. Tests drive it with `app.request()`; the server adds the built site in front.
 */
export function createApp(deps: AppDependencies) {
  const app = new Hono<AppEnv>();
  const authThrottle = createFailedAuthThrottle();
  const applicantVisits = deps.applicantVisits ?? createApplicantVisitRecorder(deps.db);
  app.use(compress());
  app.use(limitRequestBodies({ importMaxBytes: deps.config.importMaxBytes }));
  app.use(async function injectDependencies(c, next) {
    c.set('deps', deps);
    c.set('authThrottle', authThrottle);
    c.set('applicantVisits', applicantVisits);
    await next();
  });
  app.use('/api/v1/*', staffApiHeaders);

  const staffApi = createOpenApiRouter();
  registerStaffRoutes(staffApi);
  staffApi.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Hali staff API',
      version: '1.0.0',
      description:
        'Incidents, notices, offices, appointments and deliveries. Authenticate with `Authorization: Bearer <token>`. Errors are application/problem+json.',
    },
    servers: [{ url: `${deps.config.publicUrl}/api/v1` }],
  });
  staffApi.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.route('/api/v1', staffApi);
  registerPublicRoutes(app);
  app.route('/console', createConsoleApp());

  app.notFound((c) => problemResponse(c, { title: 'Not Found', status: 404, detail: `Nothing at ${c.req.path}.` }));
  app.onError(function handleError(error, c) {
    if (error instanceof DomainError) return problemResponse(c, domainProblem(error));
    if (error instanceof ProblemError) {
      return problemResponse(c, { title: error.title, status: error.status, detail: error.detail, ...error.extensions });
    }
    if (error instanceof HTTPException) {
      return problemResponse(c, { title: STATUS_CODES[error.status] ?? 'Error', status: error.status, detail: explainHttpException(error) });
    }
    const storage = storageProblem(error);
    if (storage) {
      console.error(`${c.req.method} ${c.req.path}: ${loggableError(error)}`);
      return problemResponse(c, storage);
    }
    // Unexpected: log the stack for operators, answer without it.
    console.error(`Unhandled error on ${c.req.method} ${c.req.path}: ${loggableErrorWithStack(error)}`);
    return problemResponse(c, {
      title: 'Internal Server Error',
      status: 500,
      detail: 'Something went wrong on our side; nothing was half-written. Try again, and tell the operators if it persists.',
    });
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
