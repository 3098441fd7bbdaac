import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { createAccountWithToken } from '../../api/staff/account-with-token';
import { addDays, nairobiDay } from '../../api/offices/nairobi-days';
import { migrateDatabase, openDatabase } from '../../db/client';

export const officeCodes = Array.from({ length: 10 }, (_, i) => `O${i}`);

export type OutageDatabase = {
  tokens: { drafter: string; publisher: string };
  /** The disruption every office will have: [from, restoration). */
  window: { from: string; restoration: string };
  /** Component ids for an incident's `components`. */
  components: { applications: string; collections: string };
};

/**
 * A database as staff would have it before an outage: ten offices (400 a weekday per service),
 * a component per service covering every office, `appointments` booked over the two weeks that
 * are about to be disrupted (a week from today, so every new date is in the future), and a
 * drafter and a publisher token. Written set-based, so 100,000 appointments take a second or two.
 */
export async function seedOutageDatabase(databaseUrl: string, options: { appointments: number }): Promise<OutageDatabase> {
  const connection = await openDatabase({ url: databaseUrl });
  try {
    const { db } = connection;
    await migrateDatabase(db);
    const week = JSON.stringify([400, 400, 400, 400, 400, 0, 0]);
    for (const code of officeCodes) {
      await db.run(sql`INSERT INTO offices (code, name, application_capacity, collection_capacity) VALUES (${code}, ${`Office ${code}`}, ${week}, ${week})`);
    }
    await db.run(sql`INSERT INTO components (id, name, service, office_code) VALUES ('app', 'Passport applications', 'application', NULL), ('col', 'Passport collections', 'collection', NULL)`);
    const from = addDays(nairobiDay(new Date()), 7);
    const restoration = addDays(from, 14);
    if (options.appointments > 0) {
      await db.run(sql`
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${sql.raw(String(options.appointments - 1))})
        INSERT INTO appointments (reference, full_name, email, language, service, office_code, appointment_date)
        SELECT printf('OUT%06d', i), 'Applicant ' || i, printf('applicant%06d@example.org', i), CASE WHEN i % 3 = 0 THEN 'sw' ELSE 'en' END,
          CASE WHEN i % 2 = 0 THEN 'application' ELSE 'collection' END, 'O' || ((i / 2) % 10), date(${from}, '+' || (i % 14) || ' days')
        FROM n`);
    }
    const drafter = (await createAccountWithToken(db, { name: 'hardening drafter', email: 'hardening-drafter@test.invalid', role: 'drafter' }, new Date())).secret;
    const publisher = (await createAccountWithToken(db, { name: 'hardening publisher', email: 'hardening-publisher@test.invalid', role: 'publisher' }, new Date())).secret;
    return { tokens: { drafter, publisher }, window: { from, restoration }, components: { applications: 'app', collections: 'col' } };
  } finally {
    connection.close();
  }
}

/** An appointments CSV of `rows` new references (`prefix` + number), booked after any outage window. */
export async function writeAppointmentsCsv(path: string, rows: number, prefix: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('reference,full_name,email,language,service,office,appointment_date\n');
  const day = addDays(nairobiDay(new Date()), 60);
  for (let i = 0; i < rows; i++) {
    const line = `${prefix}${String(i).padStart(6, '0')},"Imported ${i}, Applicant",imported${i}@example.org,${i % 3 ? 'en' : 'sw'},${i % 2 ? 'collection' : 'application'},${officeCodes[i % officeCodes.length]},${day}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
