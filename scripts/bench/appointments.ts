import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type DatabaseConnection } from '../../db/client';
import { rescheduleAffectedAppointments } from '../../api/appointments/reschedule-affected-appointments';
import { systemActor } from '../../api/auth/actor';
import type { BenchRow } from './bench-row';
import { benchAppointmentImport } from './appointment-import';

const affectedCount = 100_000;
const officeCount = 10;
const runs = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * A fresh database: 10 offices (400 a weekday per service), 100,000 appointments inside a
 * two-week outage of every office (2026-06-08 until 2026-06-22), and 40 working days after it
 * already half booked, so the rule has to look around existing bookings.
 */
export async function prepareOutage(dir: string): Promise<DatabaseConnection> {
  const connection = await openDatabase({ url: `file:${join(dir, `bench-${Math.random().toString(36).slice(2)}.db`)}` });
  const { db } = connection;
  await migrateDatabase(db);
  const week = JSON.stringify([400, 400, 400, 400, 400, 0, 0]);
  for (let i = 0; i < officeCount; i++) {
    await db.run(sql`INSERT INTO offices (code, name, application_capacity, collection_capacity) VALUES (${`O${i}`}, ${`Office ${i}`}, ${week}, ${week})`);
  }
  await db.run(sql`INSERT INTO components (id, name, service, office_code) VALUES ('app', 'Applications', 'application', NULL), ('col', 'Collections', 'collection', NULL)`);
  await db.run(sql`INSERT INTO incidents (id, name, status, impact, disruption_from, expected_restoration, published_at)
    VALUES ('bench', 'Systems down', 'identified', 'critical', '2026-06-08', '2026-06-22', '2026-06-08T06:00:00Z')`);
  await db.run(sql`INSERT INTO incident_components (incident_id, component_id, status) VALUES ('bench', 'app', 'major_outage'), ('bench', 'col', 'major_outage')`);
  // Affected: spread over the ten working days of the window, every office and service.
  await db.run(sql`
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${sql.raw(String(affectedCount - 1))})
    INSERT INTO appointments (reference, full_name, email, language, service, office_code, appointment_date)
    SELECT printf('AFF%06d', i), 'Bench Applicant', printf('a%06d@example.org', i), 'en',
      CASE WHEN i % 2 = 0 THEN 'application' ELSE 'collection' END, 'O' || ((i / 2) % ${sql.raw(String(officeCount))}),
      date('2026-06-08', '+' || (((i / 20) % 10) / 5 * 7 + ((i / 20) % 10) % 5) || ' days')
    FROM n`);
  // Already booked after restoration: 200 per office, service and weekday for eight weeks.
  await db.run(sql`
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${sql.raw(String(officeCount * 2 * 40 * 200 - 1))})
    INSERT INTO appointments (reference, full_name, email, language, service, office_code, appointment_date)
    SELECT printf('BKD%06d', i), 'Bench Applicant', printf('b%06d@example.org', i), 'sw',
      CASE WHEN i % 2 = 0 THEN 'application' ELSE 'collection' END, 'O' || ((i / 2) % ${sql.raw(String(officeCount))}),
      date('2026-06-22', '+' || (((i / 20 / 200) % 40) / 5 * 7 + ((i / 20 / 200) % 40) % 5) || ' days')
    FROM n`);
  return connection;
}

async function timeReschedule(dir: string): Promise<{ ms: number; moved: number }> {
  const connection = await prepareOutage(dir);
  try {
    const started = performance.now();
    const result = await connection.db.transaction((tx) => rescheduleAffectedAppointments(tx, 'bench', { now: new Date('2026-06-08T07:00:00Z'), actor: systemActor }));
    return { ms: performance.now() - started, moved: result.moved };
  } finally {
    connection.close();
  }
}

/** The floor: one plain UPDATE giving the same 100,000 rows a new date, in one transaction. */
async function timePlainUpdate(dir: string): Promise<number> {
  const connection = await prepareOutage(dir);
  try {
    const started = performance.now();
    await connection.db.transaction(async (tx) => {
      await tx.run(sql`UPDATE appointments SET appointment_date = date(appointment_date, '+21 days'), status = 'rescheduled', updated_at = ${new Date().toISOString()}
        WHERE appointment_date >= '2026-06-08' AND appointment_date < '2026-06-22'`);
    });
    return performance.now() - started;
  } finally {
    connection.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hali-bench-appointments-'));
  try {
    const importRows = await benchAppointmentImport(dir);
    const reschedules: number[] = [];
    const floors: number[] = [];
    let moved = 0;
    for (let i = 0; i < runs; i++) {
      const result = await timeReschedule(dir);
      moved = result.moved;
      reschedules.push(result.ms);
      floors.push(await timePlainUpdate(dir));
    }
    if (moved !== affectedCount) throw new Error(`Expected ${affectedCount} moves, got ${moved}.`);
    const reschedule = median(reschedules);
    const floor = median(floors);
    return [
      ...importRows,
      { name: 'reschedule 100,000 affected (10 offices)', value: Math.round(reschedule), unit: 'ms', target: '≤ 2000', note: `median of ${runs}; moves + pending emails written` },
      { name: 'plain UPDATE of the same 100,000 rows', value: Math.round(floor), unit: 'ms', note: `median of ${runs}; one statement, one transaction` },
      { name: 'reschedule / plain UPDATE', value: Number((reschedule / floor).toFixed(2)), unit: '×', target: '≤ 3' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
