import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context';
import { changedTables, createDatabaseFingerprinter, type DatabaseFingerprint } from './database-fingerprint';
import { recordFigure, scaled } from './hardening-figures';
import { describeRequest, hostileRequest, sendHostileRequest, type HostileRequest } from './hostile-requests';
import { seedHostileWorld } from './hostile-world';
import type { KnownValues } from './schema-arbitrary';
import { fetchOpenApiDocument, isStateChanging, listOperations, pathParameterNames, type OpenApiOperation } from '../support/openapi-operations';

const totalInputs = scaled(10_000, 1_500);
/** Fixed so a run can be repeated; the report names it with each failure. */
const seed = 20_261_125;
const megabyte = 1_048_576;

/** What an error answer must never show a user: a stack frame, a file path, a database error. */
const internals = /\bat .+\.(?:ts|js|mjs):\d+|node_modules|SQLITE_|LibsqlError/;

type Finding = { operation: string; status: number; request: string; answer: string };

const contexts = new Set<TestContext>();
afterAll(() => contexts.forEach((t) => t.close()));

/** A fresh app on its own database with the hostile-input world in it. */
async function freshWorld() {
  const t = await createTestContext();
  contexts.add(t);
  const known = await seedHostileWorld(t);
  return {
    t,
    known,
    close: () => {
      t.close();
      contexts.delete(t);
    },
  };
}

/**
 * Sends a request and checks the two promises every answer keeps: no 5xx, and a refused request
 * that would change state leaves every table as it was. The database's fingerprint after a refusal
 * is the next request's "before", so most requests hash the tables once.
 */
async function createProbe(t: TestContext) {
  const fingerprintDatabase = await createDatabaseFingerprinter(t.db);
  let lastFingerprint: DatabaseFingerprint | undefined;
  return async function probe(operation: OpenApiOperation, request: HostileRequest) {
    const changing = isStateChanging(operation.method);
    const before = changing ? (lastFingerprint ?? (await fingerprintDatabase())) : undefined;
    const answer = await sendHostileRequest(t, operation, request);
    lastFingerprint = undefined;
    let changed: string[] = [];
    if (before && answer.status >= 400) {
      const after = await fingerprintDatabase();
      changed = changedTables(before, after);
      lastFingerprint = after;
    }
    return { ...answer, changed };
  };
}

/** Re-runs one operation's property with the same seed, failing on 5xx, so fast-check shrinks the input. */
async function shrunkFailure(operation: OpenApiOperation, numRuns: number, operationSeed: number): Promise<string> {
  const world = await freshWorld();
  const probe = await createProbe(world.t);
  try {
    const details = await fc.check(
      fc.asyncProperty(hostileRequest(operation, world.known), async (request) => (await probe(operation, request)).status < 500),
      { numRuns, seed: operationSeed, interruptAfterTimeLimit: 60_000 },
    );
    if (!details.failed || !details.counterexample) return 'not reproduced on a fresh database (depends on earlier requests)';
    const [request] = details.counterexample;
    return `${describeRequest(operation, request)} (seed ${operationSeed}, ${details.numShrinks} shrinks)`;
  } finally {
    world.close();
  }
}

/**
 * Inputs the fuzzing once found answered 5xx (or stored nonsense), replayed on every run, short
 * or full, so a fix cannot regress unnoticed while the random search looks elsewhere.
 */
const pastFindings: { operation: string; pathValues: (known: KnownValues) => Record<string, string>; body: unknown; expected: number }[] = [
  // An empty group id skipped the existence check and hit the foreign key: 500.
  { operation: 'PATCH /components/{id}', pathValues: (known) => ({ id: known.components[0] }), body: { group_id: '' }, expected: 400 },
  { operation: 'POST /components', pathValues: () => ({}), body: { name: 'Passport printing', group_id: '' }, expected: 400 },
  // An empty office code skipped the same check and was stored as an office nobody has.
  { operation: 'POST /components', pathValues: () => ({}), body: { name: 'Passport printing', office: '' }, expected: 400 },
];

describe('hostile input', () => {
  it('inputs that once answered 5xx are refused with 4xx and store nothing', async () => {
    const documentContext = await createTestContext();
    contexts.add(documentContext);
    const operations = listOperations(await fetchOpenApiDocument(documentContext));
    const world = await freshWorld();
    const probe = await createProbe(world.t);
    const answers: string[] = [];
    for (const finding of pastFindings) {
      const operation = operations.find((op) => op.key === finding.operation);
      if (!operation) throw new Error(`${finding.operation} is no longer in the OpenAPI document; update pastFindings.`);
      const request: HostileRequest = {
        kind: 'past finding',
        caller: 'admin',
        pathValues: finding.pathValues(world.known),
        rawPathParams: [],
        query: [],
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(finding.body),
      };
      const answer = await probe(operation, request);
      if (answer.status !== finding.expected || answer.changed.length) answers.push(`${describeRequest(operation, request)} → ${answer.status} ${answer.text.slice(0, 200)} ${answer.changed.join('; ')}`);
    }
    world.close();
    expect(answers, `past findings not refused as expected:\n${answers.join('\n')}`).toEqual([]);
  });

  it('no operation in the OpenAPI document answers 5xx to hostile input, and a refused request stores nothing', async () => {
    const documentContext = await createTestContext();
    contexts.add(documentContext);
    const operations = listOperations(await fetchOpenApiDocument(documentContext));
    expect(operations.length).toBeGreaterThan(0);
    const runsPerOperation = Math.ceil(totalInputs / operations.length);

    let tried = 0;
    let refusedStateChanging = 0;
    const serverErrors: Finding[] = [];
    const badErrorAnswers: Finding[] = [];
    const storedOnRefusal: (Finding & { changed: string[] })[] = [];
    const shrunk: string[] = [];

    for (const [index, operation] of operations.entries()) {
      const world = await freshWorld();
      const probe = await createProbe(world.t);
      const operationSeed = seed + index;
      let failedHere = false;
      await fc.assert(
        fc.asyncProperty(hostileRequest(operation, world.known), async (request) => {
          const answer = await probe(operation, request);
          tried += 1;
          if (isStateChanging(operation.method) && answer.status >= 400 && answer.status < 500) refusedStateChanging += 1;
          const finding = () => ({ operation: operation.key, status: answer.status, request: describeRequest(operation, request), answer: answer.text.slice(0, 300) });
          if (answer.status >= 500) {
            serverErrors.push(finding());
            failedHere = true;
          }
          if (answer.status >= 400 && (!answer.contentType.startsWith('application/problem+json') || internals.test(answer.text))) badErrorAnswers.push(finding());
          if (answer.changed.length) storedOnRefusal.push({ ...finding(), changed: answer.changed });
          // Always true: every input is tried and counted; a 5xx is shrunk separately below.
          return true;
        }),
        { numRuns: runsPerOperation, seed: operationSeed },
      );
      world.close();
      if (failedHere) shrunk.push(`${operation.key}: ${await shrunkFailure(operation, runsPerOperation, operationSeed)}`);
    }

    // A few bodies just over the JSON limit: each JSON operation must answer 413 before reading on.
    const oversized: Finding[] = [];
    const world = await freshWorld();
    for (const operation of operations.filter((op) => op.bodies['application/json'])) {
      const answer = await sendHostileRequest(world.t, operation, {
        kind: 'over 1 MB',
        caller: 'admin',
        pathValues: Object.fromEntries(pathParameterNames(operation).map((name) => [name, world.known[name]?.[0] ?? 'x'])),
        rawPathParams: [],
        query: [],
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x'.repeat(megabyte) }),
      });
      tried += 1;
      if (answer.status !== 413) oversized.push({ operation: operation.key, status: answer.status, request: 'a JSON body of 1 MB + 11 bytes', answer: answer.text.slice(0, 300) });
    }
    world.close();

    const list = (findings: Finding[]) => findings.slice(0, 20).map((f) => `  ${f.status} ${f.request}\n    → ${f.answer}`).join('\n');
    recordFigure({ section: 'hostile input', figure: 'inputs tried (every OpenAPI operation)', value: tried, target: `≥ ${totalInputs.toLocaleString('en-US')}`, ok: tried >= totalInputs });
    recordFigure({ section: 'hostile input', figure: '5xx answers', value: serverErrors.length, target: '0', ok: serverErrors.length === 0 });
    recordFigure({
      section: 'hostile input',
      figure: `refused writes that stored something (of ${refusedStateChanging.toLocaleString('en-US')})`,
      value: storedOnRefusal.length,
      target: '0',
      ok: storedOnRefusal.length === 0,
    });
    recordFigure({ section: 'hostile input', figure: 'error answers not problem+json, or showing internals', value: badErrorAnswers.length, target: '0', ok: badErrorAnswers.length === 0 });
    recordFigure({ section: 'hostile input', figure: 'JSON bodies over 1 MB not answered 413', value: oversized.length, target: '0', ok: oversized.length === 0 });

    expect(serverErrors, `5xx answers (${serverErrors.length}); shrunk examples:\n${shrunk.join('\n')}\nfirst answers:\n${list(serverErrors)}`).toEqual([]);
    expect(
      storedOnRefusal,
      `refused requests that changed tables:\n${storedOnRefusal.slice(0, 20).map((f) => `  ${f.status} ${f.request}\n    changed: ${f.changed.join('; ')}\n    → ${f.answer}`).join('\n')}`,
    ).toEqual([]);
    expect(badErrorAnswers, `error answers that are not problem+json or show internals:\n${list(badErrorAnswers)}`).toEqual([]);
    expect(oversized, `JSON bodies over 1 MB not refused with 413:\n${list(oversized)}`).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(totalInputs);
  });
});
