import { expect } from 'vitest';
import { pathParameterNames, type OpenApiOperation } from './openapi-operations';
import type { TestContext } from './test-context';

/** A secret in Hali's token format with a real token's prefix, so the lookup finds a row and the hash must refuse it. */
export function wellFormedUnknownToken(real: string): string {
  const prefix = real.split('_')[1];
  return `hali_${prefix}_${'A'.repeat(32)}`;
}

/** An admin token created and then revoked through the API. */
export async function revokedToken(t: TestContext): Promise<string> {
  const created = await t.request('POST', '/api/v1/tokens', { token: t.tokens.admin, json: { name: 'to be revoked', role: 'admin' } });
  expect(created.status, await created.clone().text()).toBe(201);
  const { id, token } = (await created.json()) as { id: string; token: string };
  const revoked = await t.request('DELETE', `/api/v1/tokens/${id}`, { token: t.tokens.admin });
  expect(revoked.status, await revoked.clone().text()).toBe(204);
  return token;
}

/**
 * A value each path parameter accepts by shape but names nothing stored (the example or first
 * enum value), so allowed callers get past validation to a 404 and nothing changes.
 */
export function placeholderPathValues(operation: OpenApiOperation): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of pathParameterNames(operation)) {
    const schema = operation.parameters.find((p) => p.in === 'path' && p.name === name)?.schema;
    const example = schema?.example ?? schema?.enum?.[0];
    values[name] = typeof example === 'string' ? example : 'nothing00here';
  }
  return values;
}

/** A minimal body of the operation's media type; validation may refuse it, which is not 401/403. */
export function minimalBody(operation: OpenApiOperation): { body?: string; headers: Record<string, string> } {
  const mediaType = Object.keys(operation.bodies)[0];
  if (!mediaType) return { headers: {} };
  return { body: mediaType === 'application/json' ? '{}' : '', headers: { 'Content-Type': mediaType } };
}
