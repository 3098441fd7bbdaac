import fc from 'fast-check';
import type { JsonSchema } from '../support/openapi-operations';

/** Values already stored (ids, office codes…) keyed by the field or parameter name they fill. */
export type KnownValues = Record<string, readonly string[]>;

const dayAround = fc.integer({ min: -30, max: 90 }).map((offset) => new Date(Date.UTC(2026, 10, 25 + offset)).toISOString().slice(0, 10));
const instantAround = fc.integer({ min: -30 * 24, max: 90 * 24 }).map((hours) => new Date(Date.UTC(2026, 10, 25, 8) + hours * 3_600_000).toISOString());

function stringFor(schema: JsonSchema, known: readonly string[] | undefined): fc.Arbitrary<string> {
  let base: fc.Arbitrary<string>;
  if (schema.format === 'date') base = dayAround;
  else if (schema.format === 'date-time') base = instantAround;
  else if (schema.pattern) base = fc.stringMatching(new RegExp(schema.pattern));
  else base = fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
  return known?.length ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 4 }, { arbitrary: base, weight: 1 }) : base;
}

/**
 * Values that fit `schema` (the happy shape), so that a mutation of one field reaches the code
 * behind validation instead of stopping at the first wrong field. `name` picks known values: a
 * field called `code` gets existing office codes, a `components` map gets existing component ids.
 */
export function valueForSchema(schema: JsonSchema, known: KnownValues, name = ''): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((option) => valueForSchema(option, known, name)));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ['string'];
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'null':
          return fc.constant(null);
        case 'boolean':
          return fc.boolean();
        case 'integer':
          return fc.integer({ min: schema.minimum ?? -1_000, max: Math.min(schema.maximum ?? 1_000, 1_000_000) });
        case 'number':
          return fc.double({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000, noNaN: true });
        case 'array':
          if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((item) => valueForSchema(item, known, name)));
          return fc.array(schema.items ? valueForSchema(schema.items, known, name) : fc.jsonValue(), { maxLength: 4 });
        case 'object':
          return objectForSchema(schema, known);
        default:
          return stringFor(schema, known[name]);
      }
    }),
  );
}

function objectForSchema(schema: JsonSchema, known: KnownValues): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  // Optional fields one time in three: fewer fields, fewer ways for the happy shape to go wrong.
  const entries = Object.entries(properties).map(([key, property]) => fc.tuple(fc.constant(key), valueForSchema(property, known, key), fc.nat(2).map((n) => n === 0)));
  const fixed = fc.tuple(...entries).map((values) => Object.fromEntries(values.filter(([key, , include]) => include || required.has(key)).map(([key, value]) => [key, value])));
  if (typeof schema.additionalProperties !== 'object') return fixed;
  // Maps keyed by ids (a notice's component → status): existing ids reach the domain code.
  const keys = fc.oneof(fc.constantFrom(...(known.id?.length ? known.id : ['x'])), fc.string({ maxLength: 12 }));
  return fc.tuple(fixed, fc.dictionary(keys, valueForSchema(schema.additionalProperties, known), { maxKeys: 4 })).map(([base, extra]) => ({ ...extra, ...base }));
}

const badDates = ['2026-02-30', '2026-11-25T25:00:00+99:00', '2026-13-01', '0000-00-00', '2026-11-31', '26-11-2026', ''];

/**
 * Values just outside what `schema` allows, where validation and the checks behind it disagree
 * most often: empty strings where an id is expected, one character too many, one past a bound,
 * an enum in the wrong case, null where null is not allowed, impossible dates.
 */
export function boundaryValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const values: unknown[] = ['', ' ', null];
  if (schema.maxLength !== undefined) values.push('x'.repeat(schema.maxLength + 1), 'é'.repeat(schema.maxLength), '😀'.repeat(schema.maxLength));
  if (schema.minLength) values.push('x'.repeat(schema.minLength - 1));
  if (schema.minimum !== undefined) values.push(schema.minimum - 1, schema.minimum + 0.5);
  if (schema.maximum !== undefined) values.push(schema.maximum + 1);
  const enumValue = schema.enum?.find((v): v is string => typeof v === 'string');
  if (enumValue) values.push(enumValue.toUpperCase(), `${enumValue} `, `${enumValue}\u0000`);
  if (schema.format === 'date' || schema.format === 'date-time' || schema.anyOf) values.push(...badDates);
  if (schema.prefixItems) values.push(schema.prefixItems.map(() => 0).slice(1), [...schema.prefixItems.map(() => 0), 0], schema.prefixItems.map(() => -1));
  return fc.constantFrom(...values);
}
