import { isAbsolute, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../api/config';
import { loggableError } from '../api/logging/loggable-error';
import { backUpDatabase, defaultBackupFile } from '../db/backup/back-up-database';
import { BackupRefused, localDatabaseFile } from '../db/backup/local-database-file';

/**
 * `npm run backup -- [--out FILE]`: a consistent copy of the database named by DATABASE_URL,
 * taken while the server runs (default: data/backups/hali-<time>.db beside the database).
 */
const usage = 'Usage: npm run backup -- [--out FILE]';

/** A path as short as it can be said from here. */
function shown(path: string): string {
  const nearby = relative(process.cwd(), path);
  return nearby && !nearby.startsWith('..') && !isAbsolute(nearby) ? nearby : path;
}

function readArguments() {
  try {
    return parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
}
const { values } = readArguments();
if (values.help) {
  console.log(usage);
  process.exit(0);
}

try {
  const config = loadConfig();
  const out = values.out ?? defaultBackupFile(localDatabaseFile(config.database.url), new Date());
  const backup = await backUpDatabase(config.database.url, out);
  const megabytes = (backup.bytes / 1_048_576).toFixed(1);
  console.log(
    `Backed up ${backup.source} to ${shown(backup.file)} in ${backup.ms} ms: ${megabytes} MB, ` +
      `${backup.appointments.toLocaleString('en-US')} appointments, ${backup.deliveries.toLocaleString('en-US')} deliveries, integrity ok.\n` +
      'It holds applicants\' names and email addresses: it is readable by this user only (0600); keep it as safe as the database.\n' +
      `Restore it with: npm run restore -- ${shown(backup.file)}`,
  );
} catch (error) {
  if (error instanceof ConfigError || error instanceof BackupRefused) console.error(error.message);
  else console.error(`Backup failed, nothing was written: ${loggableError(error)}`);
  process.exit(1);
}
