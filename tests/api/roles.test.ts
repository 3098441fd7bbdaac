import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tokenRoles } from '../../db/schema/constants';
import type { TokenRole } from '../../db/schema/index';
import { minimalBody, placeholderPathValues, revokedToken, wellFormedUnknownToken } from '../support/access-callers';
import { concretePath, fetchOpenApiDocument, listOperations, type OpenApiOperation } from '../support/openapi-operations';
import { ContractMismatch } from '../support/response-contract';
import { createTestContext, type TestContext } from '../support/test-context';

type Caller = 'no token' | 'unknown token' | 'revoked token' | TokenRole;

/** What `caller` must get from an operation open to `roles`: 401, 403, or anything but those two. */
function expectedAnswer(caller: Caller, roles: readonly string[]): 401 | 403 | 'allowed' {
  if (caller === 'no token' || caller === 'unknown token' || caller === 'revoked token') return 401;
  return roles.includes(caller) ? 'allowed' : 403;
}

/**
 * Who may call what, read from the document rather than from a list kept beside it: every
 * operation of /api/v1/openapi.json must state its roles (`x-roles`), and answers each caller as
 * they say. (The hardening suite's access matrix holds the same operations to a table written
 * independently of the routes.)
 */
describe('who may call what, for every operation in the OpenAPI document', () => {
  let t: TestContext;
  let operations: OpenApiOperation[];
  let secrets: Record<Caller, string | undefined>;
  beforeAll(async () => {
    // Each failed authentication logs a line for operators; the matrix sends a hundred of them.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    t = await createTestContext();
    operations = listOperations(await fetchOpenApiDocument(t));
    secrets = {
      'no token': undefined,
      'unknown token': wellFormedUnknownToken(t.tokens.admin),
      'revoked token': await revokedToken(t),
      drafter: t.tokens.drafter,
      publisher: t.tokens.publisher,
      admin: t.tokens.admin,
      integration: t.tokens.integration,
    };
  });
  afterAll(() => {
    vi.restoreAllMocks();
    t.close();
  });

  it('states, for every operation, which roles may call it', () => {
    expect(operations.length).toBeGreaterThanOrEqual(42);
    const withoutRoles = operations.filter((op) => !op.roles || op.roles.length === 0).map((op) => op.key);
    const unknownRoles = operations.flatMap((op) => (op.roles ?? []).filter((role) => !(tokenRoles as readonly string[]).includes(role)).map((role) => `${op.key}: ${role}`));
    expect(withoutRoles, 'operations without x-roles (declare them with staffRoute({ roles }))').toEqual([]);
    expect(unknownRoles, 'x-roles naming no token role').toEqual([]);
  });

  it('answers no, unknown and revoked tokens 401, roles outside x-roles 403, and lets the others through', async () => {
    const wrong: string[] = [];
    for (const operation of operations) {
      if (!operation.roles) continue;
      // A minute on per operation: two failed authentications each stay under the throttle (10 a minute from one address).
      t.now.value = new Date(t.now.value.getTime() + 61_000);
      const path = concretePath(operation, placeholderPathValues(operation));
      for (const caller of Object.keys(secrets) as Caller[]) {
        const { body, headers } = minimalBody(operation);
        const label = `${operation.key} as ${caller}`;
        try {
          const response = await t.request(operation.method, path, { token: secrets[caller], body, headers });
          const expected = expectedAnswer(caller, operation.roles);
          const ok = expected === 'allowed' ? response.status !== 401 && response.status !== 403 : response.status === expected;
          if (!ok) wrong.push(`${label}: expected ${expected === 'allowed' ? 'neither 401 nor 403' : expected}, got ${response.status}`);
        } catch (error) {
          if (!(error instanceof ContractMismatch)) throw error;
          wrong.push(`${label}: ${error.message}`);
        }
      }
    }
    expect(wrong, `answers that differ from x-roles or from the document:\n${wrong.join('\n')}`).toEqual([]);
  });
});
