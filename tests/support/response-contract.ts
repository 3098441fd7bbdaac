import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { findOperation, listOperations, type JsonSchema, type OpenApiDocument, type OpenApiOperation } from './openapi-operations';

/** A response the OpenAPI document does not allow: the message names the operation, the status and what differs. */
export class ContractMismatch extends Error {
  constructor(readonly operation: string, readonly status: number, readonly problems: string[]) {
    super(`${operation} answered ${status}, which its OpenAPI document does not allow:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ContractMismatch';
  }
}

export type ResponseContract = {
  /** Throws ContractMismatch unless `response` is an answer the document declares for `method url`; reads a clone. */
  check: (method: string, url: string, response: Response) => Promise<void>;
};

/**
 * The document inside the validator twice, each under its own `$id` so `#/components/schemas/...`
 * references resolve within it: as written (problem+json, whose extension members RFC 9457
 * allows), and with every object closed (JSON answers), so a field the document does not name
 * (a camelCase twin, a leaked column) is a mismatch instead of passing unseen.
 */
const asWrittenId = 'https://hali.test/api/v1/openapi.json';
const closedId = 'https://hali.test/api/v1/openapi.closed.json';

type Schema = { [keyword: string]: unknown };
const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `schema` with `unevaluatedProperties: false` on every object that does not say what else it
 * allows. Members of an `allOf` stay open (their `$ref`s inlined, as a referenced component is
 * closed) and the `allOf` itself is closed, so an extended schema admits exactly its merged fields.
 */
function closeObjects(schema: unknown, components: Record<string, unknown>, open = false): unknown {
  if (!isSchema(schema)) return schema;
  if (open && typeof schema.$ref === 'string') return closeObjects(components[schema.$ref.replace('#/components/schemas/', '')], components, true);
  const closed: Schema = { ...schema };
  if (Array.isArray(closed.allOf)) closed.allOf = closed.allOf.map((member) => closeObjects(member, components, true));
  for (const keyword of ['anyOf', 'oneOf']) if (Array.isArray(closed[keyword])) closed[keyword] = closed[keyword].map((member) => closeObjects(member, components, open));
  if (Array.isArray(closed.prefixItems)) closed.prefixItems = closed.prefixItems.map((member) => closeObjects(member, components));
  for (const keyword of ['items', 'additionalProperties', 'not']) if (keyword in closed) closed[keyword] = closeObjects(closed[keyword], components);
  if (isSchema(closed.properties)) {
    closed.properties = Object.fromEntries(Object.entries(closed.properties).map(([name, property]) => [name, closeObjects(property, components)]));
  }
  if (!open && (closed.properties || closed.allOf) && !('additionalProperties' in closed) && !('unevaluatedProperties' in closed)) closed.unevaluatedProperties = false;
  return closed;
}

function closedDocument(document: OpenApiDocument): OpenApiDocument {
  const components = document.components?.schemas ?? {};
  const close = (schema: unknown) => closeObjects(schema, components) as JsonSchema;
  return {
    ...document,
    components: { ...document.components, schemas: Object.fromEntries(Object.entries(components).map(([name, schema]) => [name, close(schema)])) },
    paths: JSON.parse(JSON.stringify(document.paths), (key, value: unknown) => (key === 'schema' ? close(value) : value)),
  };
}

const jsonPointerSegment = (segment: string) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));

const isJsonMediaType = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath || '(body)';
    const extra =
      error.keyword === 'unevaluatedProperties' ? `: ${String(error.params.unevaluatedProperty)}` : error.keyword === 'additionalProperties' ? `: ${String(error.params.additionalProperty)}` : error.keyword === 'enum' ? `: ${JSON.stringify(error.params.allowedValues)}` : '';
    return `${where} ${error.message ?? 'is invalid'}${extra}`;
  });
}

/** The body as text, undoing the app's compression when the caller asked for it. */
async function bodyText(response: Response): Promise<string> {
  const copy = response.clone();
  const encoding = copy.headers.get('content-encoding');
  if (!copy.body || !encoding || encoding === 'identity') return copy.text();
  if (encoding !== 'gzip' && encoding !== 'deflate') throw new Error(`cannot check a ${encoding} body`);
  return new Response(copy.body.pipeThrough(new DecompressionStream(encoding))).text();
}

function createContract(document: OpenApiDocument): ResponseContract {
  // OpenAPI 3.1 schemas are JSON Schema 2020-12; strict off because the document carries OpenAPI
  // keywords (example, x-roles) a JSON Schema validator does not know.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: asWrittenId });
  ajv.addSchema({ ...closedDocument(document), $id: closedId });
  const operations = listOperations(document);
  const validators = new Map<string, ValidateFunction>();

  function validatorFor(operation: OpenApiOperation, status: string, mediaType: string): ValidateFunction {
    const pointer = ['paths', operation.path, operation.method.toLowerCase(), 'responses', status, 'content', mediaType, 'schema'].map(jsonPointerSegment).join('/');
    const reference = `${mediaType === 'application/json' ? closedId : asWrittenId}#/${pointer}`;
    let validate = validators.get(reference);
    if (!validate) {
      validate = ajv.compile({ $ref: reference });
      validators.set(reference, validate);
    }
    return validate;
  }

  return {
    async check(method, url, response) {
      const operation = findOperation(operations, method, url);
      // Not an operation (the document itself, the reference page, a URL nothing serves): nothing declared to check.
      if (!operation) return;
      const status = String(response.status);
      const declaredStatus = status in operation.responses ? status : 'default' in operation.responses ? 'default' : undefined;
      if (!declaredStatus) {
        throw new ContractMismatch(operation.key, response.status, [`status ${status} is not declared (declared: ${Object.keys(operation.responses).join(', ')})`]);
      }
      const content = operation.responses[declaredStatus].content ?? {};
      const text = await bodyText(response);
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
      if (Object.keys(content).length === 0) {
        if (text !== '') throw new ContractMismatch(operation.key, response.status, [`declared without a body, answered ${mediaType || 'a body'}: ${text.slice(0, 200)}`]);
        return;
      }
      if (!(mediaType in content)) {
        throw new ContractMismatch(operation.key, response.status, [`content type ${mediaType || '(none)'} is not declared (declared: ${Object.keys(content).join(', ')})`]);
      }
      if (!isJsonMediaType(mediaType) || !content[mediaType].schema) return;
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new ContractMismatch(operation.key, response.status, [`${mediaType} body is not JSON: ${text.slice(0, 200)}`]);
      }
      const validate = validatorFor(operation, declaredStatus, mediaType);
      if (!validate(body)) throw new ContractMismatch(operation.key, response.status, describeErrors(validate.errors));
    },
  };
}

// Compiling takes a while and every test builds the same document, so contracts are shared by document text.
const contracts = new Map<string, ResponseContract>();

/** The contract of one OpenAPI document, compiled once per distinct document. */
export function responseContract(documentText: string): ResponseContract {
  let contract = contracts.get(documentText);
  if (!contract) {
    contract = createContract(JSON.parse(documentText) as OpenApiDocument);
    contracts.set(documentText, contract);
  }
  return contract;
}
