import fc from 'fast-check';

/** Strings that have broken other services: injection, control and bidi characters, bad dates. */
export const hostileConstants = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C',
  'abc\u202Efdp.exe',
  '\u200B\u200C\u200D\uFEFF',
  '\uD800',
  '\uDFFF\uD800',
  '\u0007\u0008\u001B[31m',
  '\r\n',
  'x\r\nSet-Cookie: a=b',
  "' OR '1'='1",
  "'; DROP TABLE incidents; --",
  '" OR 1=1 --',
  '1; SELECT * FROM api_tokens',
  "Robert'); DELETE FROM appointments; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  ']]><!--',
  '&amp;&lt;&#0;',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '%FF%FE',
  '=cmd|\' /C calc\'!A0',
  '+SUM(1,1)',
  '-2+3',
  '@SUM(1)',
  '2026-02-30',
  '2026-02-29',
  '2026-13-01',
  '2026-00-10',
  '0000-00-00',
  '9999-12-31',
  '-002026-01-01',
  '2026-11-25T25:00:00+99:00',
  '2026-11-25T08:00:00',
  '2026-11-25T08:00:00.000Z',
  '2026-11-25T08:00:00+24:00',
  '2026-11-25 08:00',
  '1764057600',
  'Invalid Date',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x10',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'Ω≈ç√∫˜µ≤≥÷',
  'حالة الخدمة',
  '😀👍🏽🇰🇪',
  'Z̵̢̛̖̗̟͇a̴̡̛l̸͕g̸o̵',
  '\u{10FFFF}',
] as const;

/** Characters that are control, format, bidi or surrogate code units, to sprinkle into text. */
const hostileCharacters = ['\u0000', '\u0001', '\u001F', '\u007F', '\u0085', '\u00A0', '\u200E', '\u200F', '\u202A', '\u202E', '\u2066', '\u2069', '\u2028', '\u2029', '\uFEFF', '\uFFFE', '\uD83D', '\uDE00', '<', '>', '"', "'", '\\', '%', '&', ';'];

const sprinkled = fc
  .array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...hostileCharacters)), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''));

/** A long string (under 1 MB once JSON-encoded, so the body limit does not answer first). */
export const hugeString = fc
  .tuple(fc.constantFrom('a', 'é', '😀', '\u202E', '\u0000', "'", '<b>', 'x '), fc.integer({ min: 2_000, max: 100_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...hostileConstants), weight: 6 },
  { arbitrary: sprinkled, weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
  { arbitrary: hugeString, weight: 1 },
);

/** Numbers at the edges of JSON, SQLite integers and JavaScript doubles. */
const edgeNumbers = fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 5e-324, 100_001);

const deepValue = fc
  .tuple(fc.constantFrom('array', 'object'), fc.integer({ min: 20, max: 2_000 }))
  .map(([shape, depth]) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = shape === 'array' ? [value] : { a: value };
    return value;
  });

/** A JSON value of the wrong type, shape or size for whatever field it lands in. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 6 },
  { arbitrary: edgeNumbers, weight: 2 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
  { arbitrary: fc.array(hostileString, { maxLength: 5 }), weight: 1 },
  { arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 4 }), weight: 1 },
  { arbitrary: deepValue, weight: 1 },
);

/** Bodies that are not JSON at all, or JSON the way a careless client writes it. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{',
    '}',
    '{"name": ',
    "{'name': 'x'}",
    '{"name": "x",}',
    '{"name": NaN}',
    '{"name": undefined}',
    '{"a":1}{"b":2}',
    '\uFEFF{"name":"x"}',
    '{"name":"\u0000"}',
    '{"name":"\\ud800"}',
    '{"name":"\\u0000"}',
    '[1,2,',
    '"just a string"',
    '42',
    'null',
    'true',
    '',
    ' ',
    '\u0000',
    'name=x&role=admin',
    '<incident><name>x</name></incident>',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue().map((value) => JSON.stringify(value)).chain((text) => fc.nat({ max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut))),
);

/** Nesting far deeper than any schema, as raw text (under 1 MB): parsers that recurse fall over here. */
export const deeplyNestedJson: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('[', '{"a":'), fc.integer({ min: 1_000, max: 120_000 }), fc.boolean())
  .map(([open, depth, closed]) => {
    const close = open === '[' ? ']' : '}';
    return open.repeat(depth) + '1' + (closed ? close.repeat(depth) : '');
  });

/** Content types a JSON or CSV route should refuse (or at least not crash on). */
export const wrongContentType = fc.constantFrom(
  'text/plain',
  'text/csv',
  'application/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=----x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/octet-stream',
  'application/problem+json',
  '*/*',
  'garbage',
);

const csvHeader = 'reference,full_name,email,language,service,office,appointment_date';

/** A cell that is sometimes right, mostly hostile, sometimes quoted the way CSV allows. */
function csvCell(good: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(fc.oneof({ arbitrary: good, weight: 3 }, { arbitrary: hostileString.filter((s) => s.length < 500), weight: 2 }), fc.constantFrom('plain', 'quoted', 'broken-quote'))
    .map(([value, style]) => (style === 'quoted' ? `"${value.replaceAll('"', '""')}"` : style === 'broken-quote' ? `"${value}` : value));
}

/** CSV files for the appointment import: good rows, hostile cells, wrong headers, wrong bytes. */
export function hostileCsv(known: { offices: string[]; references: string[] }): fc.Arbitrary<string | Uint8Array> {
  const row = fc
    .tuple(
      csvCell(fc.oneof(fc.constantFrom(...known.references, 'NYH-Z-1'), fc.stringMatching(/^[A-Z]{3}-[0-9]{1,6}$/))),
      csvCell(fc.constantFrom('Amina Ali', 'Otieno Odhiambo', "O'Brien", 'Ng\u0129ng\u0129')),
      csvCell(fc.constantFrom('amina@example.com', 'a@b', 'not-an-email', '')),
      csvCell(fc.constantFrom('en', 'sw', 'fr', '')),
      csvCell(fc.constantFrom('application', 'collection', 'both')),
      csvCell(fc.constantFrom(...known.offices, 'NOSUCH')),
      csvCell(fc.constantFrom('2026-11-26', '2026-12-01', '2026-02-30', '2026-11-25T25:00:00+99:00', '26/11/2026', '2025-01-01')),
    )
    .map((cells) => cells.join(','));
  const header = fc.oneof(
    { arbitrary: fc.constant(csvHeader), weight: 6 },
    { arbitrary: fc.constantFrom('', 'reference,full_name', `${csvHeader},extra`, csvHeader.toUpperCase(), `\uFEFF${csvHeader}`, csvHeader.split(',').reverse().join(',')), weight: 2 },
  );
  const text = fc
    .tuple(header, fc.array(row, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([head, rows, newline]) => [head, ...rows].join(newline));
  return fc.oneof(
    { arbitrary: text, weight: 8 },
    { arbitrary: hostileString, weight: 1 },
    // Not UTF-8: lone continuation bytes, overlong encodings, UTF-16 with a BOM.
    { arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => new Uint8Array([...new TextEncoder().encode(`${csvHeader}\n`), ...bytes])), weight: 1 },
  );
}
