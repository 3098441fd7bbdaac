import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { appointmentMoves, appointments, auditLog, deliveries } from '../../db/schema/index';
import { addAppointments, addOffice, weekdays } from '../appointments/appointment-fixtures';
import { consoleClient, signInAsNew } from '../support/console-session';
import { createTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(() => t?.close());

const header = 'reference,full_name,email,language,service,office,appointment_date';
const csvFile = (rows: string[], name = 'appointments.csv') => new File([[header, ...rows].join('\n') + '\n'], name, { type: 'text/csv' });
const upload = (file: File) => {
  const data = new FormData();
  data.append('file', file);
  return data;
};

async function setUp(env: Record<string, string> = {}) {
  t = await createTestContext(env);
  t.now.value = new Date('2026-05-29T08:00:00Z');
  await addOffice(t.db, 'NYH', { application: weekdays(1), collection: weekdays(1) }, [{ date: '2026-06-06', service: 'application', capacity: 2 }]);
}

describe('console: appointments', () => {
  it('is for publishers and admins: a drafter gets the 403 page and never an applicant’s name or email', async () => {
    await setUp();
    await addAppointments(t.db, [{ reference: 'R1', office: 'NYH', service: 'application', date: '2026-06-02' }]);
    const drafter = await signInAsNew(t, 'drafter');
    for (const path of ['/console/appointments', '/console/appointments/R1', '/console/appointments?reference=R1']) {
      const page = await drafter.get(path);
      expect(page.status).toBe(403);
      const html = await page.text();
      expect(html).toContain('This page is for publisher or admin accounts');
      expect(html).not.toContain('Applicant R1');
      expect(html).not.toContain('r1@example.org');
    }
    expect((await drafter.post('/console/appointments/R1/move', { date: '2026-06-06', reason: 'Drafter tries' })).status).toBe(403);
    expect((await drafter.postMultipart('/console/appointments/import', upload(csvFile(['R2,Amina Ali,amina@example.com,sw,application,NYH,2026-06-03'])))).status).toBe(403);
    expect(await t.db.select({ reference: appointments.reference }).from(appointments)).toEqual([{ reference: 'R1' }]);
    expect(await t.db.$count(appointmentMoves)).toBe(0);
  });

  it('sends an upload without a session to sign in, before reading it', async () => {
    await setUp();
    const anonymous = consoleClient(t);
    const response = await anonymous.postMultipart('/console/appointments/import', upload(csvFile(['R2,Amina Ali,amina@example.com,sw,application,NYH,2026-06-03'])));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/console/sign-in');
    expect(await t.db.$count(appointments)).toBe(0);
  });

  it('imports an uploaded CSV over the API’s import, shows the counts and audits it as the person', async () => {
    await setUp();
    await addAppointments(t.db, [{ reference: 'R1', office: 'NYH', service: 'application', date: '2026-06-02' }]);
    const publisher = await signInAsNew(t, 'publisher');
    const form = await (await publisher.get('/console/appointments')).text();
    expect(form).toContain('enctype="multipart/form-data"');
    expect(form).toContain('At most 64 MB');
    const response = await publisher.postMultipart(
      '/console/appointments/import',
      upload(csvFile(['R1,Applicant R1,r1@example.org,en,application,NYH,2026-06-02', 'R2,Amina Ali,amina@example.com,sw,collection,NYH,2026-06-03'], 'june.csv')),
    );
    const html = await response.text();
    expect(response.status, html).toBe(200);
    expect(html).toContain('june.csv was imported');
    expect(html).toContain('Rows read: 2');
    expect(html).toContain('New appointments: 1');
    expect(html).toContain('Appointments already known (updated where the file differs): 1');
    const stored = await t.db.select().from(appointments).where(eq(appointments.reference, 'R2'));
    expect(stored).toEqual([expect.objectContaining({ fullName: 'Amina Ali', email: 'amina@example.com', language: 'sw', service: 'collection', appointmentDate: '2026-06-03' })]);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'appointments.import'));
    expect(audit).toMatchObject({ userId: publisher.userId, tokenId: null, detail: expect.objectContaining({ source: 'console', received: 2, inserted: 1, updated: 1 }) });
  });

  it('takes uploads above the 1 MB form limit, up to IMPORT_MAX_BYTES, and refuses larger ones', async () => {
    await setUp({ IMPORT_MAX_BYTES: String(2 * 1_048_576) });
    const admin = await signInAsNew(t, 'admin');
    const rows = Array.from({ length: 16_000 }, (_, i) => `BIG-${String(i).padStart(6, '0')},Applicant Number ${i},applicant.${i}@example.org,en,application,NYH,2026-06-02`);
    const file = csvFile(rows);
    expect(file.size).toBeGreaterThan(1_048_576);
    const response = await admin.postMultipart('/console/appointments/import', upload(file));
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.text()).toContain('New appointments: 16000');
    const tooLarge = await t.app.request('/console/appointments/import', {
      method: 'POST',
      headers: { Cookie: [...admin.cookies].map(([n, v]) => `${n}=${v}`).join('; '), 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(3 * 1_048_576) },
      body: '--x--',
    });
    expect(tooLarge.status).toBe(413);
  });

  it('refuses a file with bad rows: each problem by line and field, and nothing stored', async () => {
    await setUp();
    const publisher = await signInAsNew(t, 'publisher');
    await publisher.get('/console/appointments');
    const response = await publisher.postMultipart(
      '/console/appointments/import',
      upload(csvFile(['R1,Amina Ali,amina@example.com,sw,application,NYH,2026-06-02', 'R2,Baraka Otieno,not-an-email,en,application,NYH,2026-06-03', 'R3,Chao Wu,chao@example.com,en,application,XXX,2026-06-31'])),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Nothing was imported from appointments.csv');
    // Header is line 1, so the bad rows are lines 3 and 4; each problem is a row of the table.
    expect(html).toMatch(/<tr><td>3<\/td><td><code>email<\/code><\/td><td>[^<]+<\/td><\/tr>/);
    expect(html).toMatch(/<tr><td>4<\/td><td><code>office<\/code><\/td>/);
    expect(html).toMatch(/<tr><td>4<\/td><td><code>appointment_date<\/code><\/td>/);
    expect(await t.db.$count(appointments)).toBe(0);
    expect(await t.db.$count(auditLog, eq(auditLog.action, 'appointments.import'))).toBe(0);

    const noFile = await publisher.postMultipart('/console/appointments/import', new FormData());
    expect(noFile.status).toBe(400);
    expect(await noFile.text()).toMatch(/id="file-error">Choose a CSV file/);
  });

  it('finds an appointment by reference and shows its date, office, service, state and applicant', async () => {
    await setUp();
    await addAppointments(t.db, [{ reference: 'R1', office: 'NYH', service: 'application', date: '2026-06-02' }]);
    const admin = await signInAsNew(t, 'admin');
    const found = await admin.get('/console/appointments?reference=+R1+');
    expect(found.status).toBe(303);
    expect(found.headers.get('location')).toBe('/console/appointments/R1');
    const html = await (await admin.get('/console/appointments/R1')).text();
    for (const text of ['Tuesday, 2 June 2026', 'NYH', 'Application', 'Booked', 'Applicant R1', 'r1@example.org', 'Never moved.']) expect(html).toContain(text);
    const missing = await admin.get('/console/appointments/NOPE-1');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('No appointment has the reference “NOPE-1”');
  });

  it('moves an appointment by hand: refusals beside the fields, the move recorded and audited as the person', async () => {
    await setUp();
    await addAppointments(t.db, [
      { reference: 'R1', office: 'NYH', service: 'application', date: '2026-06-02' },
      { reference: 'R2', office: 'NYH', service: 'application', date: '2026-06-03' },
    ]);
    const publisher = await signInAsNew(t, 'publisher');
    await publisher.get('/console/appointments/R1');

    const badReason = await publisher.post('/console/appointments/R1/move', { date: '2026-06-06', reason: 'x' });
    expect(badReason.status).toBe(400);
    const badReasonHtml = await badReason.text();
    expect(badReasonHtml).toMatch(/id="reason-error">say why, in a few words/);
    expect(badReasonHtml).toContain('value="2026-06-06"');

    const full = await publisher.post('/console/appointments/R1/move', { date: '2026-06-03', reason: 'Applicant asked' });
    expect(full.status).toBe(409);
    const fullHtml = await full.text();
    expect(fullHtml).toMatch(/id="date-error">2026-06-03 is full at office NYH/);
    expect(fullHtml).toContain('aria-invalid="true"');
    expect(fullHtml).toContain('value="Applicant asked"');
    expect(await t.db.$count(appointmentMoves)).toBe(0);

    const moved = await publisher.post('/console/appointments/R1/move', { date: '2026-06-06', reason: 'Applicant asked for a Saturday' });
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toBe('/console/appointments/R1?done=moved');
    const [row] = await t.db.select().from(appointments).where(eq(appointments.reference, 'R1'));
    expect([row.appointmentDate, row.status]).toEqual(['2026-06-06', 'rescheduled']);
    expect(await t.db.select({ movedBy: appointmentMoves.movedBy }).from(appointmentMoves)).toEqual([{ movedBy: publisher.userId }]);
    expect(await t.db.$count(deliveries, and(eq(deliveries.recipient, 'R1'), eq(deliveries.channel, 'applicant_email')))).toBe(1);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'appointment.move'));
    expect(audit).toMatchObject({ userId: publisher.userId, tokenId: null, targetId: 'R1', detail: { from: '2026-06-02', to: '2026-06-06', reason: 'Applicant asked for a Saturday' } });

    const page = await (await publisher.get('/console/appointments/R1?done=moved')).text();
    expect(page).toContain('The appointment was moved to Saturday, 6 June 2026');
    expect(page).toMatch(/<td>2026-06-02<\/td><td>2026-06-06<\/td><td>Applicant asked for a Saturday<\/td><td>[^<]*EAT \(Nairobi\)<\/td><td>Console publisher, by hand<\/td>/);
  });
});
