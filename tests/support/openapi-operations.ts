import type { TestContext } from './test-context';

/** The parts of an OpenAPI 3.1 document the contract and hardening tests walk. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  example?: unknown;
};

export type OpenApiParameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema?: JsonSchema };

/** One declared answer: status (or `default`) → media type → body schema; no content means no body. */
export type OpenApiResponses = Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;

type OpenApiOperationObject = {
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
  responses?: OpenApiResponses;
  security?: Record<string, string[]>[];
  'x-roles'?: string[];
};

export type OpenApiDocument = {
  servers?: { url: string }[];
  paths: Record<string, Record<string, OpenApiOperationObject>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export type OpenApiOperation = {
  /** `POST /incidents/{id}/publish`: the key tests and tables use. */
  key: string;
  method: string;
  /** The templated path as the document writes it, without the server's base path. */
  path: string;
  /** The server's base path every path is under, e.g. `/api/v1`. */
  basePath: string;
  parameters: OpenApiParameter[];
  /** Media type → resolved schema of the body, when the operation takes one. */
  bodies: Record<string, JsonSchema>;
  bodyRequired: boolean;
  security: Record<string, string[]>[] | undefined;
  /** The roles the document says may call it (`x-roles`), when it says. */
  roles: string[] | undefined;
  /** The answers it declares, schemas unresolved (as written, with `$ref`s into components). */
  responses: OpenApiResponses;
};

const httpMethods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

/** The app's own OpenAPI document, as a client would read it. */
export async function fetchOpenApiDocument(t: TestContext): Promise<OpenApiDocument> {
  const response = await t.request('GET', '/api/v1/openapi.json');
  if (response.status !== 200) throw new Error(`GET /api/v1/openapi.json answered ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}

/** Follows `#/components/schemas/...` references (one level is all the document uses, but any depth works). */
export function resolveSchema(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = document.components?.schemas?.[name];
  if (!target) throw new Error(`Unresolvable schema reference ${schema.$ref}`);
  return resolveSchema(document, target);
}

/** Every operation the document declares, paths × methods, in document order. */
export function listOperations(document: OpenApiDocument): OpenApiOperation[] {
  const basePath = document.servers?.[0] ? new URL(document.servers[0].url).pathname.replace(/\/$/, '') : '';
  const operations: OpenApiOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!httpMethods.has(method)) continue;
      const bodies: Record<string, JsonSchema> = {};
      for (const [mediaType, content] of Object.entries(operation.requestBody?.content ?? {})) {
        bodies[mediaType] = content.schema ? resolveSchema(document, content.schema) : {};
      }
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        basePath,
        parameters: (operation.parameters ?? []).map((p) => ({ ...p, schema: p.schema ? resolveSchema(document, p.schema) : undefined })),
        bodies,
        bodyRequired: operation.requestBody?.required ?? false,
        security: operation.security,
        roles: operation['x-roles'],
        responses: operation.responses ?? {},
      });
    }
  }
  return operations;
}

/**
 * The operation that serves `method` on `url` (an absolute path under the base path, query allowed),
 * or undefined when the document declares none. A literal segment beats a `{param}`, as the router
 * matches `/appointments/import` before `/appointments/{reference}`.
 */
export function findOperation(operations: readonly OpenApiOperation[], method: string, url: string): OpenApiOperation | undefined {
  const path = url.split(/[?#]/)[0];
  const candidates = operations.filter((op) => op.method === method.toUpperCase() && path.startsWith(`${op.basePath}/`) && templateMatches(op.path, path.slice(op.basePath.length)));
  const literalSegments = (op: OpenApiOperation) => op.path.split('/').filter((segment) => !segment.startsWith('{')).length;
  return candidates.sort((a, b) => literalSegments(b) - literalSegments(a))[0];
}

function templateMatches(template: string, path: string): boolean {
  const wanted = template.split('/');
  const given = path.split('/');
  return wanted.length === given.length && wanted.every((segment, i) => (segment.startsWith('{') ? given[i] !== '' : segment === given[i]));
}

/**
 * Percent-encodes every byte outside the unreserved set. Unlike encodeURIComponent it never
 * throws: a lone surrogate goes out as U+FFFD's bytes, as a browser would send it.
 */
export function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((byte) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/**
 * The URL path of `operation` with each `{param}` replaced by `values[param]`, percent-encoded
 * unless listed in `raw` (to send broken escapes such as `%E0%A4%A` as they are).
 */
export function concretePath(operation: OpenApiOperation, values: Record<string, string>, raw: ReadonlySet<string> = new Set()): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${operation.key}: no value for path parameter ${name}`);
    return raw.has(name) ? value : percentEncode(value);
  });
  return `${operation.basePath}${path}`;
}

export const pathParameterNames = (operation: OpenApiOperation): string[] => [...operation.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);

/** Whether a request with this method may change stored state. */
export const isStateChanging = (method: string): boolean => !['GET', 'HEAD', 'OPTIONS'].includes(method);
