import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';

/**
 * The providers' own OpenAPI documents (vendored in ./specs, see its README), loaded into one JSON Schema
 * validator so the fakes check requests against what X and Resend publish, not against our
 * reading of it. OpenAPI keywords ajv does not know (discriminator, example) are ignored.
 */
const specsFolder = fileURLToPath(new URL('./specs', import.meta.url));
export type ProviderSpec = 'resend' | 'x';
type SpecDocument = { paths: Record<string, Record<string, unknown>> };

const documents: Record<ProviderSpec, SpecDocument> = {
  resend: JSON.parse(readFileSync(`${specsFolder}/resend-openapi.json`, 'utf8')),
  x: JSON.parse(readFileSync(`${specsFolder}/x-api-v2-openapi.json`, 'utf8')),
};
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
for (const [name, document] of Object.entries(documents)) ajv.addSchema(document, name);

const compiled = new Map<string, ValidateFunction>();

/** Problems with `value` against a schema, e.g. validateSchema('x', '#/components/schemas/CreatePostsRequest', body). */
export function validateSchema(spec: ProviderSpec, pointer: string | object, value: unknown): string[] {
  const key = `${spec}:${JSON.stringify(pointer)}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(typeof pointer === 'string' ? { $ref: `${spec}${pointer}` } : pointer);
    compiled.set(key, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`);
}

/** Whether the spec defines this method on this path template (e.g. 'post', '/2/tweets'). */
export function specDefines(spec: ProviderSpec, method: string, pathTemplate: string): boolean {
  return Boolean(documents[spec].paths[pathTemplate]?.[method.toLowerCase()]);
}

/** Checks a comma-separated query parameter against the enum of the spec's named parameter component. */
export function validateListParameter(spec: ProviderSpec, parameterComponent: string, raw: string | null): string[] {
  if (raw === null) return [];
  const schema = { $ref: `${spec}#/components/parameters/${parameterComponent}/schema` };
  return validateSchema(spec, schema, raw.split(','));
}
