import { escapeHtml } from '../../text/escape-html';
import { refName, type SchemaObject } from './openapi-document';

/** A short, readable type: "string (date) | null", "one of: a, b", "Incident", "map of string → status". */
export function describeType(schema: SchemaObject | undefined): string {
  if (!schema) return 'any';
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return `<a href="#schema-${escapeHtml(name)}">${escapeHtml(name)}</a>`;
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map(describeType).join(' | ');
  if (schema.enum) return `one of: ${schema.enum.map((value) => `<code>${escapeHtml(String(value))}</code>`).join(', ')}`;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const described = types.map((type) => {
    if (type === 'array') return `array of ${describeType(schema.items)}`;
    if (type === 'object' && typeof schema.additionalProperties === 'object') {
      return `map of string → ${describeType(schema.additionalProperties)}`;
    }
    if (type === 'object' && schema.properties) {
      return `object { ${Object.entries(schema.properties).map(([name, field]) => `<code>${escapeHtml(name)}</code>: ${describeType(field)}`).join(', ')} }`;
    }
    return schema.format && type !== 'null' ? `${type} (${schema.format})` : type;
  });
  return described.length > 0 ? described.join(' | ') : 'any';
}

/** Limits and defaults worth telling a caller, e.g. "1–200 characters; default incident". */
export function describeConstraints(schema: SchemaObject | undefined): string {
  if (!schema) return '';
  const notes: string[] = [];
  if (schema.minLength !== undefined || schema.maxLength !== undefined) {
    notes.push(`${schema.minLength ?? 0}–${schema.maxLength ?? '∞'} characters`);
  }
  if (schema.minimum !== undefined || schema.maximum !== undefined) notes.push(`${schema.minimum ?? '−∞'} to ${schema.maximum ?? '∞'}`);
  if (schema.default !== undefined) notes.push(`default <code>${escapeHtml(JSON.stringify(schema.default))}</code>`);
  if (schema.example !== undefined) notes.push(`e.g. <code>${escapeHtml(JSON.stringify(schema.example))}</code>`);
  return notes.join('; ');
}

/**
 * An object schema's fields with `$ref`s followed and `allOf` parts merged (zod's `.extend()` of a
 * named schema becomes `allOf: [{$ref}, {properties}]` in OpenAPI 3.1).
 */
function objectFields(schema: SchemaObject | undefined, schemas: Record<string, SchemaObject>): Pick<SchemaObject, 'properties' | 'required'> | undefined {
  const resolved = schema?.$ref ? schemas[refName(schema.$ref)] : schema;
  if (!resolved) return undefined;
  if (resolved.allOf) {
    const parts = resolved.allOf.map((part) => objectFields(part, schemas));
    return {
      properties: Object.assign({}, ...parts.map((part) => part?.properties ?? {})),
      required: parts.flatMap((part) => part?.required ?? []),
    };
  }
  return resolved.properties ? { properties: resolved.properties, required: resolved.required } : undefined;
}

/** A table of an object schema's fields; a non-object schema becomes one line naming its type. */
export function fieldsTable(schema: SchemaObject | undefined, schemas: Record<string, SchemaObject>): string {
  const fields = objectFields(schema, schemas);
  if (!fields?.properties) return `<p>${describeType(schema)}</p>`;
  const lead = schema?.$ref ? `<p>Schema ${describeType(schema)}.</p>` : '';
  const required = new Set(fields.required ?? []);
  const rows = Object.entries(fields.properties).map(
    ([name, field]) => `<tr>
  <th scope="row"><code>${escapeHtml(name)}</code>${required.has(name) ? ' <span class="required">required</span>' : ''}</th>
  <td>${describeType(field)}</td>
  <td>${inlineMarkup(field.description ?? '')}${field.description && describeConstraints(field) ? '<br>' : ''}<span class="note">${describeConstraints(field)}</span></td>
</tr>`,
  );
  return `${lead}<table><thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Notes</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

/** Escapes text and shows `backticked` words as code, the only markup the descriptions use. */
export function inlineMarkup(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}
