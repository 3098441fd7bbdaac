import fc from 'fast-check';
import type { TestContext } from '../support/test-context';
import { concretePath, pathParameterNames, percentEncode, type OpenApiOperation, type OpenApiParameter } from '../support/openapi-operations';
import { deeplyNestedJson, hostileCsv, hostileJsonValue, hostileString, malformedJson, wrongContentType } from './hostile-values';
import { boundaryValue, valueForSchema, type KnownValues } from './schema-arbitrary';

export type Caller = 'admin' | 'publisher' | 'drafter';

/** One generated request, kept as parts so fast-check can shrink each and a report can print it. */
export type HostileRequest = {
  /** Which family of hostile input this is (e.g. "mutated body", "malformed JSON"), for the report. */
  kind: string;
  caller: Caller;
  pathValues: Record<string, string>;
  /** Path parameters sent as written (broken percent escapes), not percent-encoded. */
  rawPathParams: string[];
  query: [string, string][];
  headers: Record<string, string>;
  body?: string | Uint8Array;
};

type BodyPart = Pick<HostileRequest, 'kind' | 'body'> & { contentType?: string };

/** Percent escapes a decoder has to survive: truncated, overlong, NUL, encoded slashes. */
const brokenEscapes = fc.constantFrom('%', '%E0%A4%A', '%FF', '%C0%AF', '%00', '%2F..%2F', '..', '.', '%2e%2e', '%ZZ', '%u202E');

/** Hostile strings that survive the Headers class (it refuses NUL, CR, LF and non-Latin-1). */
const isHeaderSafe = (value: string) => /^[\t\x20-\x7E\x80-\xFF]*$/.test(value);

function stringValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}

function parameterValue(parameter: OpenApiParameter, known: KnownValues, storedUnder = parameter.name): fc.Arbitrary<string> {
  const stored = known[storedUnder] ?? known[parameter.name];
  const valid = parameter.schema ? valueForSchema(parameter.schema, known, parameter.name).map(stringValue) : fc.string();
  const huge = fc.integer({ min: 10_000, max: 100_000 }).map((length) => 'q'.repeat(length));
  return fc.oneof(
    { arbitrary: stored?.length ? fc.constantFrom(...stored) : valid, weight: 5 },
    { arbitrary: valid, weight: 4 },
    { arbitrary: hostileString, weight: 4 },
    { arbitrary: huge, weight: 1 },
  );
}

/**
 * Where stored values for a path parameter are found: under the collection it follows
 * (`/incidents/{id}` → `incidents`), so an id of the right kind is likely, else under its name.
 */
function collectionOf(operation: OpenApiOperation, name: string): string {
  const segments = operation.path.split('/');
  const at = segments.indexOf(`{${name}}`);
  return at > 0 && !segments[at - 1].startsWith('{') ? segments[at - 1] : name;
}

function pathPart(operation: OpenApiOperation, known: KnownValues): fc.Arbitrary<Pick<HostileRequest, 'pathValues' | 'rawPathParams'>> {
  const names = pathParameterNames(operation);
  const parts = names.map((name) => {
    const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name) ?? { name, in: 'path' as const };
    return fc.oneof(
      { arbitrary: parameterValue(parameter, known, collectionOf(operation, name)).map((value) => ({ value, raw: false })), weight: 19 },
      { arbitrary: brokenEscapes.map((value) => ({ value, raw: true })), weight: 1 },
    );
  });
  return fc.tuple(...parts).map((values) => ({
    pathValues: Object.fromEntries(names.map((name, i) => [name, values[i].value])),
    rawPathParams: names.filter((_, i) => values[i].raw),
  }));
}

function queryPart(operation: OpenApiOperation, known: KnownValues): fc.Arbitrary<[string, string][]> {
  const declared = operation.parameters.filter((p) => p.in === 'query');
  const each = declared.map((parameter) =>
    fc.option(
      fc.array(parameterValue(parameter, known), { minLength: 1, maxLength: 2 }).map((values) => values.map((value): [string, string] => [parameter.name, value])),
      { freq: parameter.required ? 10 : 3 },
    ),
  );
  const unknown = fc.array(fc.tuple(hostileString.filter((s) => s.length < 200), hostileString), { maxLength: 1 });
  return fc.tuple(fc.tuple(...each), unknown).map(([declaredValues, extra]) => [...declaredValues.flatMap((values) => values ?? []), ...extra]);
}

function headerPart(operation: OpenApiOperation, known: KnownValues): fc.Arbitrary<Record<string, string>> {
  const declared = operation.parameters.filter((p) => p.in === 'header');
  const each = declared.map((parameter) =>
    fc.option(
      fc.oneof(fc.constantFrom('*', '"0000000000000000"', 'W/"x"', '""', '"a", "b"'), parameterValue(parameter, known)).filter(isHeaderSafe).map((value): [string, string] => [parameter.name, value]),
      { freq: 2 },
    ),
  );
  return fc.tuple(...each).map((entries) => Object.fromEntries(entries.filter((entry): entry is [string, string] => entry !== null)));
}

/** Sets `key` as an own property even when it is `__proto__`, so the JSON really carries it. */
function withField(target: unknown, key: string, value: unknown): unknown {
  const object = target && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true });
  return object;
}

function jsonBodyPart(schema: Parameters<typeof valueForSchema>[0], known: KnownValues): fc.Arbitrary<BodyPart> {
  const valid = valueForSchema(schema, known);
  const properties = schema.properties ?? {};
  const fieldNames = Object.keys(properties);
  // A field of the schema with a value just outside its rules or of any wrong type, or a key the
  // schema does not have (prototype names, server-owned fields).
  const fieldMutation = fieldNames.length
    ? fc.constantFrom(...fieldNames).chain((key) => fc.tuple(fc.constant(key), fc.oneof({ arbitrary: boundaryValue(properties[key]), weight: 3 }, { arbitrary: hostileJsonValue, weight: 1 })))
    : fc.tuple(fc.constant('x'), hostileJsonValue);
  const foreignKey = fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'created_at', 'drafted_by', 'role'), hostileJsonValue);
  const mutated = fc
    .tuple(valid, fc.array(fc.oneof({ arbitrary: fieldMutation, weight: 8 }, { arbitrary: foreignKey, weight: 2 }), { minLength: 1, maxLength: 2 }))
    .map(([base, mutations]) => mutations.reduce<unknown>((body, [key, value]) => withField(body, key, value), base));
  const json = (kind: string, value: fc.Arbitrary<unknown>): fc.Arbitrary<BodyPart> => value.map((v) => ({ kind, body: JSON.stringify(v), contentType: 'application/json' }));
  return fc.oneof(
    { arbitrary: json('mutated body', mutated), weight: 10 },
    { arbitrary: json('schema-shaped body', valid), weight: 4 },
    { arbitrary: json('wrong-typed body', hostileJsonValue), weight: 2 },
    { arbitrary: malformedJson.map((body) => ({ kind: 'malformed JSON', body, contentType: 'application/json' })), weight: 2 },
    { arbitrary: deeplyNestedJson.map((body) => ({ kind: 'deep nesting', body, contentType: 'application/json' })), weight: 1 },
    {
      arbitrary: fc.tuple(valid, fc.option(wrongContentType, { freq: 4 })).map(([value, contentType]) => ({ kind: 'wrong content type', body: JSON.stringify(value), contentType: contentType ?? undefined })),
      weight: 2,
    },
    { arbitrary: fc.constant({ kind: 'no body', contentType: 'application/json' }), weight: 1 },
  );
}

function csvBodyPart(known: KnownValues): fc.Arbitrary<BodyPart> {
  const csv = hostileCsv({ offices: [...(known.code ?? [])], references: [...(known.reference ?? [])] });
  return fc.oneof(
    { arbitrary: csv.map((body) => ({ kind: 'CSV', body, contentType: 'text/csv' })), weight: 8 },
    { arbitrary: fc.tuple(csv, fc.option(wrongContentType, { freq: 4 })).map(([body, contentType]) => ({ kind: 'wrong content type', body, contentType: contentType ?? undefined })), weight: 2 },
    { arbitrary: fc.constant({ kind: 'no body', contentType: 'text/csv' }), weight: 1 },
  );
}

/** Operations without a body still meet clients that send one. */
function unexpectedBodyPart(method: string): fc.Arbitrary<BodyPart> {
  if (method === 'GET' || method === 'HEAD') return fc.constant({ kind: 'parameters' });
  return fc.oneof(
    { arbitrary: fc.constant({ kind: 'parameters' }), weight: 4 },
    { arbitrary: fc.tuple(fc.oneof(malformedJson, hostileJsonValue.map((v) => JSON.stringify(v))), wrongContentType).map(([body, contentType]) => ({ kind: 'unexpected body', body, contentType })), weight: 1 },
  );
}

function bodyPart(operation: OpenApiOperation, known: KnownValues): fc.Arbitrary<BodyPart> {
  const json = operation.bodies['application/json'];
  if (json) return jsonBodyPart(json, known);
  if (operation.bodies['text/csv']) return csvBodyPart(known);
  return unexpectedBodyPart(operation.method);
}

/** Every kind of hostile request for one operation of the document. */
export function hostileRequest(operation: OpenApiOperation, known: KnownValues): fc.Arbitrary<HostileRequest> {
  return fc
    .record({
      caller: fc.constantFrom<Caller>('admin', 'admin', 'admin', 'admin', 'publisher', 'drafter'),
      path: pathPart(operation, known),
      query: queryPart(operation, known),
      headers: headerPart(operation, known),
      body: bodyPart(operation, known),
    })
    .map(({ caller, path, query, headers, body }) => ({
      kind: body.kind,
      caller,
      ...path,
      query,
      headers: body.contentType ? { ...headers, 'content-type': body.contentType } : headers,
      body: body.body,
    }));
}

export function requestUrl(operation: OpenApiOperation, request: HostileRequest): string {
  const path = concretePath(operation, request.pathValues, new Set(request.rawPathParams));
  const query = request.query.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
  return query ? `${path}?${query}` : path;
}

export async function sendHostileRequest(t: TestContext, operation: OpenApiOperation, request: HostileRequest): Promise<{ status: number; contentType: string; text: string }> {
  const response = await t.app.request(requestUrl(operation, request), {
    method: operation.method,
    headers: { ...request.headers, Authorization: `Bearer ${t.tokens[request.caller]}` },
    // Bytes go as a Blob: the DOM typings take no Uint8Array of an unknown buffer kind.
    body: typeof request.body === 'string' || request.body === undefined ? request.body : new Blob([Buffer.from(request.body)]),
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** Long strings cut to their start and length, so a report stays readable. */
function shorten(value: string, keep = 120): string {
  return value.length > keep ? `${value.slice(0, keep)}…(${value.length.toLocaleString('en-US')} chars)` : value;
}

/** The request as one line for an assertion message: method, URL, caller, headers and body. */
export function describeRequest(operation: OpenApiOperation, request: HostileRequest): string {
  const body = request.body === undefined ? '' : typeof request.body === 'string' ? ` body ${JSON.stringify(shorten(request.body))}` : ` body <${request.body.length} bytes>`;
  return `${operation.method} ${shorten(requestUrl(operation, request), 300)} as ${request.caller} [${request.kind}] headers ${JSON.stringify(request.headers)}${body}`;
}
