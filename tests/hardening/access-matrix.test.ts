import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TokenRole } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { recordFigure } from './hardening-figures';
import { minimalBody, placeholderPathValues, revokedToken, wellFormedUnknownToken } from '../support/access-callers';
import { concretePath, fetchOpenApiDocument, listOperations } from '../support/openapi-operations';

/**
 * Who may call what, written down independently of the routes (their middleware and the
 * document's `x-roles` come from the same declaration, so they cannot check each other): a route
 * whose guard drifts fails here. Every operation of the OpenAPI document must be in this table: a new
 * route without an entry fails the test instead of going unchecked.
 */
const anyStaff: readonly TokenRole[] = ['drafter', 'publisher', 'admin'];
const publishers: readonly TokenRole[] = ['publisher', 'admin'];
const admins: readonly TokenRole[] = ['admin'];

const expectedRoles: Record<string, readonly TokenRole[]> = {
  'GET /users': admins,
  'POST /users': admins,
  'PATCH /users/{id}': admins,
  'POST /users/{id}/password-link': admins,
  'DELETE /users/{id}/two-factor': admins,
  'GET /tokens': admins,
  'POST /tokens': admins,
  'DELETE /tokens/{id}': admins,
  'GET /audit': admins,
  'GET /components': anyStaff,
  'POST /components': publishers,
  'GET /components/{id}': anyStaff,
  'PATCH /components/{id}': publishers,
  'DELETE /components/{id}': publishers,
  'GET /component-groups': anyStaff,
  'POST /component-groups': publishers,
  'GET /component-groups/{id}': anyStaff,
  'PATCH /component-groups/{id}': publishers,
  'DELETE /component-groups/{id}': publishers,
  'GET /offices': anyStaff,
  'POST /offices': publishers,
  'GET /offices/{code}': anyStaff,
  'PATCH /offices/{code}': publishers,
  'DELETE /offices/{code}': publishers,
  'PUT /offices/{code}/overrides/{date}/{service}': publishers,
  'DELETE /offices/{code}/overrides/{date}/{service}': publishers,
  'GET /offices/{code}/calendar': anyStaff,
  'GET /incidents': anyStaff,
  'POST /incidents': anyStaff,
  'GET /incidents/{id}': anyStaff,
  // Drafters may edit an incident that was never public; the domain answers 403 once it is.
  'PATCH /incidents/{id}': anyStaff,
  'DELETE /incidents/{id}': anyStaff,
  'POST /incidents/{id}/updates': anyStaff,
  'PATCH /incidents/{id}/updates/{update_id}': anyStaff,
  'POST /incidents/{id}/updates/{update_id}/approve': publishers,
  'POST /incidents/{id}/publish': publishers,
  'GET /incidents/{id}/affected': anyStaff,
  'GET /incidents/{id}/preview': anyStaff,
  'POST /appointments/import': publishers,
  'GET /appointments': anyStaff,
  'GET /appointments/{reference}': publishers,
  'POST /appointments/{reference}/move': publishers,
  'GET /deliveries': anyStaff,
  'GET /incidents/{id}/deliveries': anyStaff,
  'POST /deliveries/{id}/retry': publishers,
  'POST /incidents/{id}/deliveries/retry': publishers,
  'GET /site/status': anyStaff,
  'GET /incidents/{id}/applicant-actions': publishers,
  'GET /appointments/changes': ['publisher', 'admin', 'integration'],
  'GET /subscribers/summary': publishers,
  'GET /subscribers': admins,
  'GET /webhooks': publishers,
  'POST /webhooks': publishers,
  'GET /webhooks/{id}': publishers,
  'DELETE /webhooks/{id}': publishers,
};

type Caller = 'no token' | 'bad token' | 'revoked token' | TokenRole;
const callers: readonly Caller[] = ['no token', 'bad token', 'revoked token', 'drafter', 'publisher', 'admin', 'integration'];

type Expected = 401 | 403 | 'allowed';
const describeExpected = (expected: Expected) => (expected === 'allowed' ? 'neither 401 nor 403' : String(expected));

function expectedAnswer(caller: Caller, roles: readonly TokenRole[]): Expected {
  if (caller === 'no token' || caller === 'bad token' || caller === 'revoked token') return 401;
  return roles.includes(caller) ? 'allowed' : 403;
}

function meets(status: number, expected: Expected): boolean {
  return expected === 'allowed' ? status !== 401 && status !== 403 : status === expected;
}

type Mismatch = { operation: string; caller: Caller; expected: string; got: number };

const contexts: TestContext[] = [];
// Every failed authentication logs a line for operators; 84 of them would bury the report.
beforeAll(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined));
afterAll(() => {
  vi.restoreAllMocks();
  contexts.forEach((t) => t.close());
});

describe('access matrix', () => {
  it('every operation in the OpenAPI document × {no, bad, revoked token, drafter, publisher, admin, integration} answers exactly as its roles say', async () => {
    const documentContext = await createTestContext();
    contexts.push(documentContext);
    const operations = listOperations(await fetchOpenApiDocument(documentContext));

    const missingFromTable = operations.filter((op) => !(op.key in expectedRoles)).map((op) => op.key);
    const documentKeys = new Set(operations.map((op) => op.key));
    const goneFromDocument = Object.keys(expectedRoles).filter((key) => !documentKeys.has(key));
    // Where the document states its roles (x-roles), it must state the same as this table.
    const documentDisagrees = operations
      .filter((op) => op.roles && expectedRoles[op.key] && [...op.roles].sort().join() !== [...expectedRoles[op.key]].sort().join())
      .map((op) => `${op.key}: document x-roles ${op.roles!.join(', ')}, expected ${expectedRoles[op.key].join(', ')}`);
    const withoutSecurity = operations.filter((op) => !op.security?.some((requirement) => 'bearer' in requirement)).map((op) => op.key);

    const mismatches: Mismatch[] = [];
    let covered = 0;
    for (const operation of operations) {
      const roles = expectedRoles[operation.key];
      if (!roles) continue;
      // A fresh app and database per operation: the three failed authentications sent here stay far
      // below the failed-auth throttle (about 10 a minute), so every answer is the guard's own.
      const t = await createTestContext();
      contexts.push(t);
      const secrets: Record<Caller, string | undefined> = {
        'no token': undefined,
        'bad token': wellFormedUnknownToken(t.tokens.admin),
        'revoked token': await revokedToken(t),
        drafter: t.tokens.drafter,
        publisher: t.tokens.publisher,
        admin: t.tokens.admin,
        integration: t.tokens.integration,
      };
      const path = concretePath(operation, placeholderPathValues(operation));
      for (const caller of callers) {
        const { body, headers } = minimalBody(operation);
        const response = await t.request(operation.method, path, { token: secrets[caller], body, headers });
        await response.arrayBuffer();
        const expected = expectedAnswer(caller, roles);
        if (!meets(response.status, expected)) {
          mismatches.push({ operation: operation.key, caller, expected: describeExpected(expected), got: response.status });
        }
      }
      t.close();
      contexts.splice(contexts.indexOf(t), 1);
      covered += 1;
    }

    recordFigure({
      section: 'access',
      figure: `operations covered (OpenAPI × ${callers.length} callers)`,
      value: `${covered} of ${operations.length}`,
      target: 'all',
      ok: covered === operations.length && operations.length > 0,
    });
    recordFigure({ section: 'access', figure: 'mismatches', value: mismatches.length, target: '0', ok: mismatches.length === 0 });

    expect(missingFromTable, 'operations in the OpenAPI document without an entry in expectedRoles: add one').toEqual([]);
    expect(goneFromDocument, 'expectedRoles entries no longer in the OpenAPI document: remove them').toEqual([]);
    expect(documentDisagrees, 'operations whose x-roles in the document differ from expectedRoles').toEqual([]);
    expect(withoutSecurity, 'operations the document does not mark as needing a bearer token').toEqual([]);
    expect(mismatches, `access mismatches:\n${mismatches.map((m) => `  ${m.operation} as ${m.caller}: expected ${m.expected}, got ${m.got}`).join('\n')}`).toEqual([]);
  });
});
