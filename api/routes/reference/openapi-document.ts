/**
 * The parts of an OpenAPI 3.1 document the reference page reads. Declared here rather than
 * imported from a transitive dependency, so the page depends only on the document's shape.
 */
export type SchemaObject = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  additionalProperties?: SchemaObject | boolean;
  anyOf?: SchemaObject[];
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  description?: string;
  default?: unknown;
  example?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};

export type ParameterObject = { name: string; in: string; required?: boolean; description?: string; schema?: SchemaObject };

type MediaTypes = Record<string, { schema?: SchemaObject }>;

export type OperationObject = {
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content?: MediaTypes };
  responses?: Record<string, { description?: string; content?: MediaTypes }>;
};

export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
};

export const httpMethods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The name a `$ref` points at, e.g. "#/components/schemas/Incident" → "Incident". */
export const refName = (ref: string) => ref.split('/').at(-1) ?? ref;

/** The HTML id of an operation, stable across renders so links can be shared. */
export const operationAnchor = (method: string, path: string) =>
  `${method}-${path}`.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '');
