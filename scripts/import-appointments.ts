import { createReadStream, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { importAppointments } from '../api/appointments/import-appointments';
import { systemActor } from '../api/auth/actor';
import { ConfigError, loadConfig } from '../api/config';
import { loggableError } from '../api/logging/loggable-error';
import { migrateDatabase, openDatabase } from '../db/client';

/**
 * `npm run import:appointments -- FILE.csv [--skip-invalid]`: streams the file into the database
 * named by DATABASE_URL with a progress bar, then prints a summary. A file with bad rows imports
 * nothing (exit code 1) unless --skip-invalid is given. Errors name lines and fields, never people.
 */
const usage = 'Usage: npm run import:appointments -- FILE.csv [--skip-invalid]';

function readArguments() {
  try {
    return parseArgs({ allowPositionals: true, options: { 'skip-invalid': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    // An unknown flag gets the usage, not a stack trace.
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
}
const { values, positionals } = readArguments();
if (values.help || positionals.length !== 1) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const [file] = positionals;
let size: number;
try {
  size = statSync(file).size;
} catch {
  console.error(`Cannot read ${file}. ${usage}`);
  process.exit(2);
}

let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const connection = await openDatabase(config.database);
await migrateDatabase(connection.db);

const bar = new SingleBar({ format: 'Importing [{bar}] {percentage}% | {rows} rows | {eta_formatted} left', hideCursor: true, stream: process.stderr });
bar.start(size, 0, { rows: 0 });
const result = await importAppointments(
  connection.db,
  createReadStream(file),
  { skipInvalid: values['skip-invalid'], source: 'cli', onProgress: ({ rows, bytes }) => bar.update(bytes, { rows }) },
  // The operator on the server: audited as the system.
  { now: new Date(), actor: systemActor },
).catch((error: unknown) => {
  // One transaction: a failure part-way rolls everything back. Never print rows (personal data).
  bar.stop();
  console.error(`\nNothing imported: ${loggableError(error)}`);
  process.exit(1);
});
bar.update(size, { rows: result.received });
bar.stop();
connection.close();

// The first problems are enough to see what is wrong; a file of bad rows must not flood the terminal.
const printedProblems = 200;
for (const error of result.errors.slice(0, printedProblems)) console.error(`line ${error.line}, ${error.field}: ${error.message}`);
if (result.errorCount > printedProblems) console.error(`… and ${result.errorCount - printedProblems} more problems.`);
if (!result.committed) {
  console.error(
    `\nNothing imported: ${result.errorCount} problem(s) on ${result.problemLines} line(s) in ${result.received} rows. Fix them, or rerun with --skip-invalid to import the good rows.`,
  );
  process.exit(1);
}
console.log(`\nImported ${result.received - result.skipped} of ${result.received} rows: ${result.inserted} new, ${result.updated} updated, ${result.skipped} skipped.`);
if (result.rescheduled > 0) console.log(`${result.rescheduled} fell inside an open incident's window and were moved to a new date (applicants will be emailed).`);
