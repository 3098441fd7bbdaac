import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type DatabaseConnection } from '../../db/client';
import { deliveries } from '../../db/schema/index';
import { createIncident, createMovedAppointments } from '../broadcast/broadcast-test-data';
import { startFakeResend, type FakeResend } from '../fakes/resend';
import { recordFigure, scaled } from './hardening-figures';
import { runHali, spawnHali, waitUntil, type HaliProcess } from './hali-process';

const applicants = scaled(5_000, 1_500);
const dir = mkdtempSync(join(tmpdir(), 'hali-hardening-backups-'));
const databaseUrl = `file:${join(dir, 'hali.db')}`;
const processes: HaliProcess[] = [];
let resend: FakeResend | undefined;
let connection: DatabaseConnection | undefined;

afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill()));
  await resend?.close();
  connection?.close();
  rmSync(dir, { recursive: true, force: true });
});

function startWorker(env: Record<string, string>): HaliProcess {
  // A short lease: batches in flight at the moment of the backup are taken over quickly after the restore.
  const worker = spawnHali('scripts/worker.ts', ['--lease-ms=2000', '--idle-ms=50'], env);
  processes.push(worker);
  return worker;
}

describe('backups', () => {
  it('a backup taken mid-fan-out restores, and the outbox finishes with every applicant emailed exactly once', async () => {
    resend = await startFakeResend({ keepBodies: false });
    connection = await openDatabase({ url: databaseUrl });
    await migrateDatabase(connection.db);
    const incident = await createIncident(connection.db);
    const moved = await createMovedAppointments(connection.db, incident, applicants);
    connection.close();
    connection = undefined;

    const env = {
      DATABASE_URL: databaseUrl,
      RESEND_API_KEY: 're_hardening',
      RESEND_BASE_URL: resend.url,
      // 4 batches of 100 a second: slow enough to take the backup and keep sending after it.
      RESEND_RPS: '4',
      PUBLIC_URL: 'https://status.example.go.ke',
      CALENDAR_SIGNING_SECRET: 'calendar-secret-for-hardening',
    };
    const first = startWorker(env);
    await waitUntil('a third of the emails sent', () => resend!.emails.length >= applicants / 3, 120_000, [first]);

    const backupFile = join(dir, 'backups', 'mid-fan-out.db');
    const backup = await runHali('scripts/backup.ts', ['--out', backupFile], { DATABASE_URL: databaseUrl });
    const sentAtBackup = resend.emails.length;
    expect(backup.output).toMatch(/Backed up .* in \d+ ms: .*integrity ok\./);
    expect(backup.code).toBe(0);
    const backupMs = Number(/ in (\d+) ms/.exec(backup.output)?.[1]);
    const mode = statSync(backupFile).mode & 0o777;

    // The fan-out goes on after the backup point: these emails are not in the backup's ledger.
    await waitUntil('two thirds of the emails sent', () => resend!.emails.length >= (applicants * 2) / 3, 120_000, [first]);
    const refused = await runHali('scripts/restore.ts', [backupFile], { DATABASE_URL: databaseUrl });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/is open in process \d+ .*Stop the server and workers .* first, then restore\. Nothing was changed\./);

    await first.kill('SIGTERM');
    const sentBeforeRestore = resend.emails.length;
    const restored = await runHali('scripts/restore.ts', [backupFile], { DATABASE_URL: databaseUrl });
    expect(restored.output).toMatch(/Restored .* integrity ok\./);
    expect(restored.output).toMatch(/The database it replaced is kept as .*hali\.db\.replaced-/);
    expect(restored.code).toBe(0);

    const second = startWorker(env);
    connection = await openDatabase({ url: databaseUrl });
    const db = connection.db;
    const unfinished = async () =>
      (await db.select({ n: sql<number>`count(*)` }).from(deliveries).where(inArray(deliveries.state, ['pending', 'sending'])))[0].n;
    await waitUntil('the restored outbox to drain', async () => (await unfinished()) === 0, 180_000, [second]);

    const counts = resend.countByRecipient();
    const duplicates = [...counts.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const missing = moved.filter((appointment) => !counts.has(appointment.email)).length;
    const [{ failed }] = await db.all<{ failed: number }>(sql`SELECT count(*) AS failed FROM deliveries WHERE state NOT IN ('sent', 'dry_run')`);

    recordFigure({ section: 'backups', figure: `backup of a live database mid-fan-out (${applicants.toLocaleString('en-US')} emails queued)`, value: backupMs, unit: 'ms', ok: backupMs > 0 });
    recordFigure({ section: 'backups', figure: 'backup size', value: Number((statSync(backupFile).size / 1_048_576).toFixed(2)), unit: 'MB', ok: true });
    recordFigure({ section: 'backups', figure: 'backup file mode', value: mode.toString(8), target: '600', ok: mode === 0o600 });
    recordFigure({ section: 'backups', figure: 'restore: integrity_check, refused while a worker had the database open', value: 'ok', target: 'ok', ok: true });
    recordFigure({ section: 'backups', figure: 'emails sent after the backup point, before the restore', value: sentBeforeRestore - sentAtBackup, unit: 'emails', ok: true });
    recordFigure({ section: 'backups', figure: 'batch requests Resend answered from its idempotency record', value: resend.received() - resend.batchRequests(), unit: 'requests', ok: true });
    recordFigure({ section: 'backups', figure: 'after restore: applicants emailed twice', value: duplicates, unit: 'emails', target: '0', ok: duplicates === 0 });
    recordFigure({ section: 'backups', figure: 'after restore: applicants never emailed', value: missing, unit: 'emails', target: '0', ok: missing === 0 });
    recordFigure({ section: 'backups', figure: 'after restore: deliveries not sent', value: failed, unit: 'rows', target: '0', ok: failed === 0 });

    expect(mode).toBe(0o600);
    expect(missing).toBe(0);
    expect(failed).toBe(0);
    expect(duplicates).toBe(0);
  });
});
