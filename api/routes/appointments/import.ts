import { Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import { importAppointments } from '../../appointments/import-appointments';
import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { ProblemError } from '../../http/problem';
import { ProblemSchema, problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { importProblemsJson, importResultJson } from './json';
import { ImportProblemSchema, ImportQuerySchema, ImportResultSchema } from './schema';

/** The upload's bytes in 64 KiB slices, so the parser hands over rows a batch at a time instead of all at once. */
function* slices(bytes: Uint8Array, size = 65_536): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

// The upload's size is capped before authentication by the app's body limit (IMPORT_MAX_BYTES).
const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'post',
  path: '/appointments/import',
  tags: ['Appointments'],
  summary: 'Import appointments from CSV',
  description:
    'Body: text/csv with the header `reference,full_name,email,language,service,office,appointment_date`, at most IMPORT_MAX_BYTES (413 otherwise). The file must be UTF-8; cells may not hold control or text-direction characters, and names, emails and references may not start with `=`, `+`, `-` or `@` (spreadsheet formulas). A file with any bad row imports nothing (422, each problem with its line and field: the first 1,000 in `errors`, all counted in `error_count`, `errors_truncated` when more were found) unless `skip_invalid=true`. Re-importing a reference updates it; an appointment Hali already moved keeps its new date when the file still carries its original date.',
  request: {
    query: ImportQuerySchema,
    body: { required: true, content: { 'text/csv': { schema: z.string().openapi({ example: 'reference,full_name,email,language,service,office,appointment_date\nNYH-1,Amina Ali,amina@example.com,sw,application,NYH,2026-06-02' }) } } },
  },
  responses: {
    200: { description: 'Imported (with `errors` for skipped rows).', content: { 'application/json': { schema: ImportResultSchema } } },
    422: { description: 'Bad rows; nothing was imported.', content: { 'application/problem+json': { schema: ImportProblemSchema } } },
    413: { description: 'Larger than IMPORT_MAX_BYTES.', content: { 'application/problem+json': { schema: ProblemSchema } } },
    ...problemResponses(400),
  },
});

export function registerImportAppointments(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const skipInvalid = c.req.valid('query').skip_invalid === 'true';
    // Read the whole upload before the import opens its write transaction: a slow client must
    // never hold the database's write lock (and with it every publish) while its bytes trickle in.
    // Bytes, not text: the import decodes them strictly and names a line that is not UTF-8.
    const source = Readable.from(slices(new Uint8Array(await c.req.arrayBuffer())));
    const result = await importAppointments(c.get('deps').db, source, { skipInvalid, source: 'api' }, actionContext(c));
    if (!result.committed) {
      const problems = importProblemsJson(result);
      const shown = problems.errors_truncated ? ` The first ${result.errors.length} of ${result.errorCount} problems are listed.` : '';
      throw new ProblemError(
        422,
        'Unprocessable Content',
        `${result.problemLines} line(s) have problems, so nothing was imported. Fix them, or send ?skip_invalid=true to import the good rows.${shown}`,
        { received: result.received, ...problems },
      );
    }
    return c.json(importResultJson(result), 200);
  });
}
