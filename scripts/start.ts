import { createApp } from '../api/app';
import { createApplicantVisitRecorder } from '../api/applicants/record-applicant-action';
import { withCalendarSigningSecret } from '../api/broadcast/messages/calendar-signing-secret';
import { ConfigError, loadConfig, type Config } from '../api/config';
import { startServer } from '../api/server';
import { createSiteBuilder } from '../api/site/build/site-builder';
import { loggableError } from '../api/logging/loggable-error';
import { migrateDatabase, openDatabase, type DatabaseConnection } from '../db/client';
import { prepareDatabase } from './start/prepare-database';
import { startWorkerProcess } from './start/worker-process';

/**
 * `npm start`: migrate, make sure an admin can get in, load the demo on an empty database outside
 * production, build the status page, serve everything, and drain the outbox (in a worker process of its own).
 */
function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** A database that cannot be opened or migrated (read-only or full disk, bad path) stops the start in one line, not a stack. */
async function openMigratedDatabase(config: Config): Promise<DatabaseConnection> {
  try {
    const opened = await openDatabase(config.database);
    await migrateDatabase(opened.db);
    return opened;
  } catch (error) {
    console.error(`Cannot open the database ${config.database.url}: ${loggableError(error)}`);
    process.exit(1);
  }
}

const parsedConfig = readConfig();
const connection = await openMigratedDatabase(parsedConfig);
const config = await withCalendarSigningSecret(connection.db, parsedConfig);
await prepareDatabase(connection.db, config, { now: new Date(), print: (text) => console.log(text), printError: (line) => console.error(line) });

const siteBuilder = createSiteBuilder(config, connection.db);
const firstBuild = await siteBuilder.buildNow('start');
if (!firstBuild.ok && siteBuilder.currentDir() === null) {
  console.error(`The status page could not be built: ${firstBuild.error}`);
}

const applicantVisits = createApplicantVisitRecorder(connection.db);
const app = createApp({ config, db: connection.db, now: () => new Date(), siteBuilds: siteBuilder, applicantVisits });
const server = await startServer({ app, siteDir: config.site.dir, host: config.host, port: config.port, publicUrl: config.publicUrl });
const worker = config.runWorker ? await startWorkerProcess((line) => console.error(line)) : null;

const dry = [!config.x.credentials && 'X', !config.resend.apiKey && 'email'].filter(Boolean);
console.log(`Hali is running:
  status page    ${server.url}/  (Swahili: ${server.url}/sw/)
  staff API      ${server.url}/api/v1  (reference: ${server.url}/api/v1/reference)
  Statuspage API ${server.url}/api/v2/summary.json
  deliveries     ${worker ? 'worker running' : 'worker off (run npm run worker)'}${dry.length ? `; dry run for ${dry.join(' and ')} (no credentials)` : ''}`);

let stopping = false;
async function shutDown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  await server.close();
  await applicantVisits.close();
  await worker?.stop();
  await siteBuilder.whenIdle();
  siteBuilder.close();
  connection.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutDown('SIGINT'));
process.on('SIGTERM', () => void shutDown('SIGTERM'));
