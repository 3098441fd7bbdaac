import { pipeline, Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { Database } from '../../db/client';
import { offices } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../auth/actor';
import { eventLoopSlices } from '../event-loop-slices';
import { appointmentCsvColumns, validateAppointmentRow, type AppointmentCsvColumn, type ImportProblem, type ValidAppointmentRow } from './appointment-csv-row';
import { decodeUtf8, InvalidUtf8Error } from './decode-utf8';
import { createImportProblemReport, type ImportProblemReport } from './import-problem-report';
import { rescheduleForOpenIncidents } from './reschedule-open-incidents';
import { upsertAppointments } from './upsert-appointments';

export type ImportOptions = {
  /** Import the good rows and report the others, instead of importing nothing. */
  skipInvalid: boolean;
  source: 'api' | 'cli' | 'console';
  onProgress?: (progress: { rows: number; bytes: number }) => void;
};

export type ImportResult = {
  /** False when the file had bad rows and nothing was imported. */
  committed: boolean;
  received: number;
  inserted: number;
  updated: number;
  skipped: number;
  /** Imported appointments that fell inside an open incident's window and were moved at once. */
  rescheduled: number;
  /** The first problems (at most maxReportedProblems), in line order. */
  errors: ImportProblem[];
  /** All problems found, including those not in `errors`. */
  errorCount: number;
  /** Lines with at least one problem. */
  problemLines: number;
};

const batchSize = 1_000;

/** Thrown inside the transaction to roll back a file with bad rows. */
class ImportRejected extends Error {}

/**
 * Streams an appointments CSV (header: reference,full_name,email,language,service,office,
 * appointment_date) into the database in one transaction, a batch at a time, so memory stays flat
 * however long the file. Every bad row is reported with its line and field; unless `skipInvalid`,
 * one bad row means nothing is imported (the transaction is rolled back).
 */
export async function importAppointments(
  db: Database,
  input: Readable | AsyncIterable<Buffer | Uint8Array | string>,
  options: ImportOptions,
  context: ActionContext,
): Promise<ImportResult> {
  const knownOffices = new Set((await db.select({ code: offices.code }).from(offices)).map((office) => office.code));
  const result: ImportResult = { committed: false, received: 0, inserted: 0, updated: 0, skipped: 0, rescheduled: 0, errors: [], errorCount: 0, problemLines: 0 };
  const problems = createImportProblemReport();
  const at = context.now.toISOString();
  const parser = parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true });
  // A read or decoding error reaches the loop below through the parser; stopping early closes the source.
  pipeline(Readable.from(decodeUtf8(input)), parser, () => {});
  // The whole file is one transaction on a synchronous driver: pause now and then so the same
  // process keeps serving pages and other requests (their database work waits for its turn).
  const endSliceIfDue = eventLoopSlices();

  try {
    await db.transaction(async (tx) => {
      // Where each expected column sits in this file's rows (any order is accepted).
      let positions: number[] | null = null;
      const firstLineOfReference = new Map<string, number>();
      let batch: ValidAppointmentRow[] = [];
      const flush = async () => {
        const { inserted } = await upsertAppointments(tx, batch, at);
        result.inserted += inserted;
        result.updated += batch.length - inserted;
        batch = [];
        options.onProgress?.({ rows: result.received, bytes: parser.info.bytes });
      };
      let unreadable = false;
      try {
        for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
          await endSliceIfDue();
          if (!positions) {
            positions = readHeader(record, problems);
            if (!positions) break;
            continue;
          }
          result.received++;
          const line = info.lines;
          if (record.length !== positions.length) {
            problems.add({ line, field: '(row)', message: `expected ${positions.length} fields, found ${record.length}; check for an unquoted comma.` });
            continue;
          }
          const columnAt = positions;
          const values = Object.fromEntries(appointmentCsvColumns.map((name, i) => [name, record[columnAt[i]]])) as Record<AppointmentCsvColumn, string>;
          const checked = validateAppointmentRow(values, line, { knownOffices, firstLineOfReference });
          for (const problem of checked.problems) problems.add(problem);
          // Once a file is known bad (and not skipping), only checking remains: keep reading for the report.
          if (checked.row && (options.skipInvalid || problems.count === 0)) batch.push(checked.row);
          if (batch.length >= batchSize) await flush();
        }
      } catch (error) {
        // Past a broken quote or a wrong encoding nothing can be read reliably, so these reject the file even when skipping.
        if (error instanceof InvalidUtf8Error) {
          problems.add({
            line: error.line,
            field: '(encoding)',
            message: 'this line is not valid UTF-8, so the file was saved in another encoding; save it as UTF-8 (in Excel: "CSV UTF-8") and import it again.',
          });
        } else if (error instanceof CsvError) {
          problems.add({ line: typeof error.lines === 'number' ? error.lines : parser.info.lines, field: '(row)', message: describeCsvError(error.code) });
        } else {
          throw error;
        }
        unreadable = true;
      }
      if (!positions && problems.count === 0) problems.add({ line: 1, field: '(header)', message: `The file is empty; it needs the header ${appointmentCsvColumns.join(',')}.` });
      unreadable ||= !positions;
      if (unreadable || (problems.count > 0 && !options.skipInvalid)) throw new ImportRejected();
      await flush();
      result.skipped = problems.lines;
      result.rescheduled = await rescheduleForOpenIncidents(tx, context);
      await recordAudit(tx, {
        actor: context.actor,
        action: 'appointments.import',
        targetType: 'appointment',
        detail: { source: options.source, received: result.received, inserted: result.inserted, updated: result.updated, skipped: result.skipped, rescheduled: result.rescheduled },
      });
    });
    result.committed = true;
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    result.inserted = 0;
    result.updated = 0;
    result.skipped = result.received;
  }
  return { ...result, errors: problems.problems, errorCount: problems.count, problemLines: problems.lines };
}

/** The position of each expected column in the header; reports a missing, unknown or repeated column. */
function readHeader(record: string[], problems: ImportProblemReport): number[] | null {
  const names = record.map((name) => name.toLowerCase());
  const missing = appointmentCsvColumns.filter((name) => !names.includes(name));
  // Unknown columns are named by position: a file without a header has a person's details here.
  const unknown = names.flatMap((name, i) => ((appointmentCsvColumns as readonly string[]).includes(name) ? [] : [`column ${i + 1}`]));
  const repeated = names.filter((name, i) => names.indexOf(name) !== i && (appointmentCsvColumns as readonly string[]).includes(name));
  if (missing.length || unknown.length || repeated.length) {
    const parts = [
      missing.length ? `missing ${missing.join(', ')}` : '',
      unknown.length ? `unknown ${unknown.join(', ')}` : '',
      repeated.length ? `repeated ${repeated.join(', ')}` : '',
    ].filter(Boolean);
    problems.add({ line: 1, field: '(header)', message: `The header must be ${appointmentCsvColumns.join(',')} (${parts.join('; ')}).` });
    return null;
  }
  return appointmentCsvColumns.map((name) => names.indexOf(name));
}

/** csv-parse's own messages quote the cell they stopped at, which may be a name: these never do. */
function describeCsvError(code: string): string {
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is never closed; add the missing closing quote (").';
  if (code === 'INVALID_OPENING_QUOTE' || code === 'CSV_INVALID_CLOSING_QUOTE') {
    return 'a quote (") sits inside a field; put the whole field in quotes and double the quotes inside it ("").';
  }
  return `the file cannot be read as CSV from here on (${code}).`;
}
