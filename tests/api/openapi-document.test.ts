import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchOpenApiDocument, listOperations, type JsonSchema, type OpenApiDocument, type OpenApiOperation } from '../support/openapi-operations';
import { createTestContext, type TestContext } from '../support/test-context';

/** Wire names are snake_case: lower-case words joined by `_` (digits allowed after the first letter). */
const snakeCase = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

type Schema = Record<string, unknown>;
const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every property name under `schema` (inline, not through `$ref`: components are walked on their own), with where it is. */
function propertyNames(schema: unknown, where: string): { name: string; where: string }[] {
  if (!isObject(schema)) return [];
  const found: { name: string; where: string }[] = [];
  if (isObject(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      found.push({ name, where }, ...propertyNames(property, `${where}.${name}`));
    }
  }
  for (const keyword of ['items', 'additionalProperties', 'not', 'contains']) found.push(...propertyNames(schema[keyword], `${where}[]`));
  for (const keyword of ['anyOf', 'allOf', 'oneOf', 'prefixItems']) {
    if (Array.isArray(schema[keyword])) for (const member of schema[keyword]) found.push(...propertyNames(member, where));
  }
  return found;
}

/** Inline schemas of an operation: parameters, request bodies and responses. */
function operationSchemas(document: OpenApiDocument, operation: OpenApiOperation): { schema: unknown; where: string }[] {
  const item = document.paths[operation.path][operation.method.toLowerCase()] as Schema;
  const found: { schema: unknown; where: string }[] = [];
  const requestBody = isObject(item.requestBody) && isObject(item.requestBody.content) ? item.requestBody.content : {};
  for (const [mediaType, content] of Object.entries(requestBody)) found.push({ schema: isObject(content) ? content.schema : undefined, where: `${operation.key} request ${mediaType}` });
  for (const [status, response] of Object.entries(operation.responses)) {
    for (const [mediaType, content] of Object.entries(response.content ?? {})) found.push({ schema: content.schema, where: `${operation.key} ${status} ${mediaType}` });
  }
  for (const parameter of operation.parameters) found.push({ schema: parameter.schema, where: `${operation.key} parameter ${parameter.name}` });
  return found;
}

const declaresProblem = (operation: OpenApiOperation, status: string) => Boolean(operation.responses[status]?.content?.['application/problem+json']);

describe('the OpenAPI document', () => {
  let t: TestContext;
  let document: OpenApiDocument;
  let operations: OpenApiOperation[];
  beforeAll(async () => {
    t = await createTestContext();
    document = await fetchOpenApiDocument(t);
    operations = listOperations(document);
  });
  afterAll(() => t.close());

  it('names every property and every query and path parameter in snake_case', () => {
    const offenders: string[] = [];
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      for (const property of propertyNames(schema, name)) if (!snakeCase.test(property.name)) offenders.push(`${property.where}: ${property.name}`);
    }
    for (const operation of operations) {
      for (const { schema, where } of operationSchemas(document, operation)) {
        for (const property of propertyNames(schema, where)) if (!snakeCase.test(property.name)) offenders.push(`${property.where}: ${property.name}`);
      }
      for (const parameter of operation.parameters) {
        // Header names (If-Match) are HTTP's, not ours.
        if ((parameter.in === 'query' || parameter.in === 'path') && !snakeCase.test(parameter.name)) offenders.push(`${operation.key} ${parameter.in} parameter: ${parameter.name}`);
      }
    }
    expect(operations.length).toBeGreaterThanOrEqual(42);
    expect(offenders, 'names that are not snake_case').toEqual([]);
  });

  it('declares the guard’s answers on every operation: 401, 403 and the failed-auth throttle’s 429, as problem+json', () => {
    const missing = operations.flatMap((operation) => ['401', '403', '429'].filter((status) => !declaresProblem(operation, status)).map((status) => `${operation.key}: ${status}`));
    expect(missing, 'operations that do not declare an answer their guard gives').toEqual([]);
  });

  it('declares 400 wherever the request can fail validation: a body, a query, or a path parameter with a format, enum or bounds', () => {
    const constrained = (schema: JsonSchema | undefined) =>
      Boolean(schema && ['format', 'enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum'].some((keyword) => keyword in schema));
    const validated = operations.filter(
      (operation) =>
        Object.keys(operation.bodies).length > 0 || operation.parameters.some((parameter) => parameter.in === 'query' || (parameter.in === 'path' && constrained(parameter.schema))),
    );
    const missing = validated.filter((operation) => !declaresProblem(operation, '400')).map((operation) => operation.key);
    expect(missing, 'operations that validate their request but do not declare 400').toEqual([]);
  });

  it('declares what a request body can be refused with: 400 and 413 (too large), and 415 (not JSON) for a JSON body', () => {
    const withBody = operations.filter((operation) => Object.keys(operation.bodies).length > 0);
    const refusals = (operation: OpenApiOperation) => ['400', '413', ...('application/json' in operation.bodies ? ['415'] : [])];
    const missing = withBody.flatMap((operation) => refusals(operation).filter((status) => !declaresProblem(operation, status)).map((status) => `${operation.key}: ${status}`));
    expect(withBody.length).toBeGreaterThan(0);
    expect(missing, 'operations taking a body that do not declare how it can be refused').toEqual([]);
  });
});
