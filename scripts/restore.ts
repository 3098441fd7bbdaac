import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../api/config';
import { loggableError } from '../api/logging/loggable-error';
import { BackupRefused } from '../db/backup/local-database-file';
import { restoreDatabase } from '../db/backup/restore-database';

/**
 * `npm run restore -- FILE`: puts a backup from `npm run backup` in place of the database named
 * by DATABASE_URL. The server and workers must be stopped; the replaced database is kept.
 */
const usage = 'Usage: npm run restore -- FILE   (stop the server and workers first)';

function readArguments() {
  try {
    return parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
}
const { values, positionals } = readArguments();
if (values.help || positionals.length !== 1) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

try {
  const config = loadConfig();
  const restored = await restoreDatabase(config.database.url, positionals[0], new Date());
  for (const warning of restored.warnings) console.warn(warning);
  console.log(
    `Restored ${restored.from} to ${restored.target}: ${(restored.bytes / 1_048_576).toFixed(1)} MB, ` +
      `${restored.appointments.toLocaleString('en-US')} appointments, ${restored.deliveries.toLocaleString('en-US')} deliveries, integrity ok.\n` +
      (restored.replacedKeptAs ? `The database it replaced is kept as ${restored.replacedKeptAs} (delete it once you are sure).\n` : '') +
      'Messages waiting at the time of the backup go out when the server or a worker starts. Emails that went out after the backup ' +
      'form the same batches again and Resend answers them from its record without sending twice, for 24 hours after they were sent; ' +
      "an X post made since the backup is refused by X as a duplicate, and adopted if it is still the account's latest post.",
  );
} catch (error) {
  if (error instanceof ConfigError || error instanceof BackupRefused) console.error(error.message);
  else console.error(`Restore failed: ${loggableError(error)}`);
  process.exit(1);
}
