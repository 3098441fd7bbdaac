import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { problemResponse } from './problem';

/**
 * An OpenAPIHono whose validation failures answer problem+json naming each bad field, so every
 * resource's router reports errors the same way.
 */
export function createOpenApiRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const errors = result.error.issues.map((issue) => ({
        field: issue.path.length ? issue.path.join('.') : '(body)',
        message: issue.message,
      }));
      return problemResponse(c, {
        title: 'Bad Request',
        status: 400,
        detail: `The request is not valid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
        errors,
      });
    },
  });
}

export type OpenApiRouter = ReturnType<typeof createOpenApiRouter>;
