import { z } from '@hono/zod-openapi';

/** RFC 9457 problem details as documented in the OpenAPI document (see problem.ts). */
export const ProblemSchema = z
  .object({
    type: z.string().optional(),
    title: z.string().openapi({ example: 'Conflict' }),
    status: z.number().int().openapi({ example: 409 }),
    detail: z.string().optional().openapi({ example: 'This incident already has a pending update; edit or publish it.' }),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'For validation errors: one entry per bad field.' }),
  })
  .openapi('Problem');

const descriptions = {
  400: 'The request is not valid; `errors` names each bad field.',
  401: 'No API token, or an unknown or revoked one.',
  403: 'Your token’s role may not do this (or four-eyes forbids it).',
  404: 'No such resource.',
  409: 'The resource is in a state that does not allow this.',
  413: 'The request body is larger than the limit the detail names.',
  415: 'The body is not application/json.',
  428: 'A precondition is required: the detail names the value to send and where to get it.',
  429: 'Too many failed authentications from your address; wait the seconds `Retry-After` gives.',
} as const;

export type ProblemStatus = keyof typeof descriptions;

/** The problem+json responses a route can answer, for its `responses` in createRoute. */
export function problemResponses<S extends ProblemStatus>(...statuses: S[]) {
  const responses = {} as Record<S, { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }>;
  for (const status of statuses) {
    responses[status] = { description: descriptions[status], content: { 'application/problem+json': { schema: ProblemSchema } } };
  }
  return responses;
}
