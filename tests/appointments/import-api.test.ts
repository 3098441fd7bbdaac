import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appointmentMoves, appointments, deliveries } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { addIncident, addOffice, weekdays } from './appointment-fixtures';
import { runReschedule } from './run-reschedule';

const header = 'reference,full_name,email,language,service,office,appointment_date';
const csv = (...rows: string[]) => [header, ...rows].join('\n') + '\n';
type ImportAnswer = { received: number; inserted: number; updated: number; skipped: number; errors: { line: number; field: string; message: string }[] };

describe('importing appointments (POST /appointments/import)', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    // Staff act before the disruptions these tests describe (new dates are never in the past).
    t.now.value = new Date('2026-05-20T07:00:00.000Z');
    await addOffice(t.db, 'NYH', { application: weekdays(5), collection: weekdays(5) });
    await addOffice(t.db, 'MSA', { application: weekdays(5), collection: weekdays(5) });
  });
  afterEach(() => t.close());

  const importCsv = (body: string, options: { token?: string; skipInvalid?: boolean } = {}) =>
    t.request('POST', `/api/v1/appointments/import${options.skipInvalid ? '?skip_invalid=true' : ''}`, {
      token: options.token ?? t.tokens.publisher,
      body,
      headers: { 'Content-Type': 'text/csv' },
    });

  it('takes uploads up to IMPORT_MAX_BYTES, even above the default 64 MB', async () => {
    const roomy = await createTestContext({ IMPORT_MAX_BYTES: String(100 * 1_048_576) });
    try {
      await addOffice(roomy.db, 'NYH', { application: weekdays(5), collection: weekdays(5) });
      roomy.now.value = t.now.value;
      // A declared 70 MB is under the configured limit, so it must reach the import (the body here is one row).
      const response = await roomy.request('POST', '/api/v1/appointments/import', {
        token: roomy.tokens.publisher,
        body: csv('R1,Amina Ali,amina@example.com,sw,application,NYH,2026-06-02'),
        headers: { 'Content-Type': 'text/csv', 'Content-Length': String(70 * 1_048_576) },
      });
      expect(response.status).toBe(200);
    } finally {
      roomy.close();
    }
  });

  it('imports a good file', async () => {
    const response = await importCsv(csv('R1,Amina Ali,amina@example.com,sw,application,NYH,2026-06-02', 'R2,"Otieno, John",john@example.com,en,collection,MSA,2026-06-03'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 2, inserted: 2, updated: 0, skipped: 0, rescheduled: 0, errors: [], error_count: 0, errors_truncated: false });
    const [row] = await t.db.select().from(appointments).where(eq(appointments.reference, 'R2'));
    expect(row).toMatchObject({ fullName: 'Otieno, John', language: 'en', service: 'collection', officeCode: 'MSA', appointmentDate: '2026-06-03', status: 'booked' });
  });

  it('reports every bad row with its line and field, never echoing names or emails, and imports nothing', async () => {
    await importCsv(csv('KEEP,Kept Person,kept@example.com,en,application,NYH,2026-06-02'));
    const response = await importCsv(
      csv(
        'R1,Wanjiru Kamau,wanjiru@example.com,sw,application,NYH,2026-06-02',
        'R2,Secret Name,not-an-email,fr,passport,XYZ,2026-02-30',
        ',No Reference,noref@example.com,en,application,NYH,2026-06-02',
        'R1,Duplicate Person,dup@example.com,en,application,NYH,2026-06-04',
        'R5,Too Few,few@example.com,en',
      ),
    );
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as ImportAnswer & { detail: string };
    expect(problem.errors.map((error) => [error.line, error.field])).toEqual([
      [3, 'email'],
      [3, 'language'],
      [3, 'service'],
      [3, 'office'],
      [3, 'appointment_date'],
      [4, 'reference'],
      [5, 'reference'],
      [6, '(row)'],
    ]);
    expect(problem.errors.find((error) => error.line === 5)?.message).toMatch(/line 2/);
    const text = JSON.stringify(problem);
    for (const secret of ['Secret Name', 'not-an-email', 'Wanjiru', 'wanjiru@example.com', 'Duplicate Person']) expect(text).not.toContain(secret);
    expect(await t.db.$count(appointments)).toBe(1);
  });

  it('rolls back rows already written in earlier batches when a later row is bad', async () => {
    await importCsv(csv('KEEP,Kept Person,kept@example.com,en,application,NYH,2026-06-02'));
    const good = Array.from({ length: 4_500 }, (_, i) => `B${i},Person ${i},p${i}@example.com,en,application,NYH,2026-06-03`);
    const response = await importCsv(csv('KEEP,Changed Person,changed@example.com,sw,collection,MSA,2026-06-09', ...good, 'LAST,Bad Row,bad,en,application,NYH,2026-06-03'));
    expect(response.status).toBe(422);
    expect(((await response.json()) as ImportAnswer).errors).toEqual([expect.objectContaining({ line: 4_503, field: 'email' })]);
    expect(await t.db.$count(appointments)).toBe(1);
    const [kept] = await t.db.select().from(appointments);
    expect(kept).toMatchObject({ fullName: 'Kept Person', email: 'kept@example.com', officeCode: 'NYH', appointmentDate: '2026-06-02' });
  });

  it('with skip_invalid imports the good rows and reports the rest', async () => {
    const response = await importCsv(csv('R1,Amina Ali,amina@example.com,sw,application,NYH,2026-06-02', 'R2,Bad Date,b@example.com,en,application,NYH,2026-13-01'), { skipInvalid: true });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: 2, inserted: 1, skipped: 1, errors: [{ line: 3, field: 'appointment_date' }] });
    expect(await t.db.$count(appointments)).toBe(1);
  });

  it('rejects a file with a broken quote, even with skip_invalid, without quoting the cell', async () => {
    const response = await importCsv(csv('R1,Amina Ali,amina@example.com,sw,application,NYH,2026-06-02', 'R2,Zawadi "Secret" Mutua,z@example.com,en,application,NYH,2026-06-02'), { skipInvalid: true });
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(JSON.parse(text).errors).toEqual([{ line: 3, field: '(row)', message: expect.stringMatching(/quote/) }]);
    expect(text).not.toMatch(/Zawadi|Secret/);
    expect(await t.db.$count(appointments)).toBe(0);
  });

  it('rejects a file whose header is wrong, even with skip_invalid', async () => {
    const response = await importCsv('reference,name,email\nR1,A,a@example.com\n', { skipInvalid: true });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as ImportAnswer;
    expect(problem.errors).toEqual([expect.objectContaining({ line: 1, field: '(header)' })]);
    expect(problem.errors[0].message).toMatch(/missing full_name/);

    const headerless = await importCsv('R1,Amina Ali,amina@example.com,sw,application,NYH,2026-06-02\n');
    const text = await headerless.text();
    expect(headerless.status).toBe(422);
    expect(text).toMatch(/unknown column 1, column 2/);
    expect(text).not.toMatch(/Amina|amina@example.com/);
  });

  it('accepts the columns in any order, and refuses an empty file', async () => {
    const reordered = await importCsv('office,appointment_date,reference,service,language,email,full_name\nNYH,2026-06-02,R1,application,sw,amina@example.com,Amina Ali\n');
    expect(await reordered.json()).toMatchObject({ inserted: 1 });
    const [row] = await t.db.select().from(appointments);
    expect(row).toMatchObject({ reference: 'R1', officeCode: 'NYH', fullName: 'Amina Ali', appointmentDate: '2026-06-02' });
    const empty = await importCsv('');
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as ImportAnswer).errors).toEqual([expect.objectContaining({ line: 1, field: '(header)' })]);
  });

  it('updates a re-imported reference instead of duplicating it', async () => {
    await importCsv(csv('R1,Amina Ali,amina@example.com,sw,application,NYH,2026-06-02'));
    const response = await importCsv(csv('R1,Amina Ali Hassan,amina.h@example.com,en,application,NYH,2026-06-05'));
    expect(await response.json()).toMatchObject({ inserted: 0, updated: 1 });
    expect(await t.db.$count(appointments)).toBe(1);
    const [row] = await t.db.select().from(appointments);
    expect(row).toMatchObject({ fullName: 'Amina Ali Hassan', email: 'amina.h@example.com', language: 'en', appointmentDate: '2026-06-05' });
  });

  it('keeps a moved appointment on its new date when the file still has its original date; a new date is a rebooking', async () => {
    await importCsv(csv('R1,Amina Ali,amina@example.com,sw,application,NYH,2026-05-26', 'R2,Otieno John,john@example.com,en,application,NYH,2026-05-26'));
    await addIncident(t.db, { id: 'inc', disruptionFrom: '2026-05-25', expectedRestoration: '2026-05-28', disrupts: [{ service: 'application', office: 'NYH' }] });
    await runReschedule(t.db, 'inc');
    await importCsv(csv('R1,Amina Ali,amina@example.com,sw,application,NYH,2026-05-26', 'R2,Otieno John,john@example.com,en,application,NYH,2026-06-10'));
    const rows = Object.fromEntries((await t.db.select().from(appointments)).map((row) => [row.reference, row]));
    expect(rows.R1).toMatchObject({ appointmentDate: '2026-05-28', status: 'rescheduled' });
    expect(rows.R2).toMatchObject({ appointmentDate: '2026-06-10', status: 'booked' });
    expect(await t.db.$count(appointmentMoves, eq(appointmentMoves.reference, 'R2'))).toBe(1);
    // R2's unsent email named Hali's date, which the rebooking replaced; R1's still stands.
    const emails = Object.fromEntries((await t.db.select().from(deliveries)).map((row) => [row.recipient, row.state]));
    expect(emails).toEqual({ R1: 'pending', R2: 'superseded' });
  });

  it('moves at once an appointment imported into an open incident’s window, and queues its email', async () => {
    await addIncident(t.db, { id: 'inc', disruptionFrom: '2026-05-25', expectedRestoration: '2026-05-28', disrupts: [{ service: 'application', office: 'NYH' }] });
    const response = await importCsv(csv('R1,Amina Ali,amina@example.com,sw,application,NYH,2026-05-26', 'R2,John Otieno,john@example.com,en,collection,NYH,2026-05-26'));
    expect(await response.json()).toMatchObject({ inserted: 2, rescheduled: 1 });
    const rows = Object.fromEntries((await t.db.select().from(appointments)).map((row) => [row.reference, row.appointmentDate]));
    expect(rows).toEqual({ R1: '2026-05-28', R2: '2026-05-26' });
    expect(await t.db.$count(deliveries)).toBe(1);
  });

  it('lets only publishers and admins import', async () => {
    expect((await importCsv(csv('R1,Amina Ali,amina@example.com,sw,application,NYH,2026-06-02'), { token: t.tokens.drafter })).status).toBe(403);
    expect((await importCsv(csv('R1,Amina Ali,amina@example.com,sw,application,NYH,2026-06-02'), { token: t.tokens.admin })).status).toBe(200);
  });
});
