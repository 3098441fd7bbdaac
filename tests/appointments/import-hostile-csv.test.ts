import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appointments } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { addOffice, weekdays } from './appointment-fixtures';

// Files that parse as CSV but carry what a spreadsheet or a terminal would act on, or that were
// saved in the wrong encoding: each is refused with the line and field, and nothing is stored.
const header = 'reference,full_name,email,language,service,office,appointment_date';
const good = 'R1,Amina Ali,amina@example.com,sw,application,NYH,2026-06-02';
const csv = (...rows: string[]) => [header, ...rows].join('\n') + '\n';
type Problem = { line: number; field: string; message: string };
type ImportAnswer = { received: number; inserted: number; skipped: number; errors: Problem[]; error_count: number; errors_truncated: boolean; detail?: string };

describe('importing a hostile or mis-encoded CSV', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    t.now.value = new Date('2026-05-20T07:00:00.000Z');
    await addOffice(t.db, 'NYH', { application: weekdays(5), collection: weekdays(5) });
  });
  afterEach(() => t.close());

  const importBody = async (body: string | Uint8Array<ArrayBuffer>, skipInvalid = false) => {
    const response = await t.app.request(`/api/v1/appointments/import${skipInvalid ? '?skip_invalid=true' : ''}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.tokens.publisher}`, 'Content-Type': 'text/csv' },
      body,
    });
    return { status: response.status, answer: (await response.json()) as ImportAnswer };
  };

  it.each([
    ['NUL', 'R2,Ami\u0000na,a2@example.com,sw,application,NYH,2026-06-02', 'full_name', /control character U\+0000/],
    ['a C0 control in the office', 'R2,Amina,a2@example.com,sw,application,NY\u0007H,2026-06-02', 'office', /control character U\+0007/],
    ['DEL', 'R2,Amina\u007f,a2@example.com,sw,application,NYH,2026-06-02', 'full_name', /control character U\+007F/],
    ['a C1 control', 'R2,Amina,a2\u0085@example.com,sw,application,NYH,2026-06-02', 'email', /control character U\+0085/],
    ['a right-to-left override', 'R2,Amina \u202eilA,a2@example.com,sw,application,NYH,2026-06-02', 'full_name', /direction control U\+202E/],
    ['a bidi isolate', 'R2,Amina,a2@example.com,sw,application,NYH,2026-06-02\u2066', 'appointment_date', /direction control U\+2066/],
    ['a name starting with =', 'R2,"=HYPERLINK(""http://x.test"")",a2@example.com,sw,application,NYH,2026-06-02', 'full_name', /starts with "="/],
    ['a name starting with +', 'R2,+254700000000,a2@example.com,sw,application,NYH,2026-06-02', 'full_name', /starts with "\+"/],
    ['a name starting with -', 'R2,-2+3,a2@example.com,sw,application,NYH,2026-06-02', 'full_name', /starts with "-"/],
    ['a name starting with @', 'R2,@SUM(A1),a2@example.com,sw,application,NYH,2026-06-02', 'full_name', /starts with "@"/],
    ['an email starting with +', 'R2,Amina,+cmd@example.com,sw,application,NYH,2026-06-02', 'email', /starts with "\+"/],
    ['a reference starting with -', '-R2,Amina,a2@example.com,sw,application,NYH,2026-06-02', 'reference', /starts with "-"/],
    ['a quoted name starting with a tab', 'R2,"\t=1+1",a2@example.com,sw,application,NYH,2026-06-02', 'full_name', /control character U\+0009/],
  ])('refuses %s with its line and field and stores nothing', async (_, row, field, message) => {
    const { status, answer } = await importBody(csv(good, row));
    expect(status).toBe(422);
    expect(answer.errors).toEqual([{ line: 3, field, message: expect.stringMatching(message) }]);
    expect(await t.db.$count(appointments)).toBe(0);
  });

  it('refuses a line break inside a quoted name (no field of ours spans lines)', async () => {
    const { status, answer } = await importBody(csv(good, 'R2,"Amina\nAli",a2@example.com,sw,application,NYH,2026-06-02'));
    expect(status).toBe(422);
    // csv-parse numbers a record by the line it ends on.
    expect(answer.errors).toEqual([{ line: 4, field: 'full_name', message: expect.stringMatching(/control character U\+000A/) }]);
    expect(await t.db.$count(appointments)).toBe(0);
  });

  it('says how to fix a formula-leading cell', async () => {
    const { answer } = await importBody(csv('R2,=1+1,a2@example.com,sw,application,NYH,2026-06-02'));
    expect(answer.errors[0].message).toMatch(/formula/);
    expect(answer.errors[0].message).toMatch(/remove/);
  });

  it('with skip_invalid imports the clean rows and skips the hostile ones', async () => {
    const { status, answer } = await importBody(csv(good, 'R2,=cmd|calc,a2@example.com,sw,application,NYH,2026-06-02', 'R3,Otieno\u0000,a3@example.com,en,application,NYH,2026-06-02'), true);
    expect(status).toBe(200);
    expect(answer).toMatchObject({ received: 3, inserted: 1, skipped: 2, error_count: 2, errors_truncated: false });
    expect(await t.db.$count(appointments)).toBe(1);
  });

  it('refuses a file that is not UTF-8, naming the first bad line, even with skip_invalid', async () => {
    // "Wanjirũ" is fine; "José" saved as Windows-1252 is the single byte E9.
    const latin1 = Buffer.concat([
      Buffer.from(csv(good, 'R2,Wanjirũ Kamau,w@example.com,sw,application,NYH,2026-06-02')),
      Buffer.from('R3,Jos'),
      Buffer.from([0xe9]),
      Buffer.from(',jose@example.com,en,application,NYH,2026-06-02\n'),
    ]);
    for (const skipInvalid of [false, true]) {
      const { status, answer } = await importBody(new Uint8Array(latin1), skipInvalid);
      expect(status).toBe(422);
      expect(answer.errors).toEqual([{ line: 4, field: '(encoding)', message: expect.stringMatching(/not valid UTF-8.*save it as .*UTF-8/) }]);
      expect(await t.db.$count(appointments)).toBe(0);
    }
  });

  it('reports at most 1,000 problems, with the count of all of them', async () => {
    const bad = Array.from({ length: 1_500 }, (_, i) => `B${i},Person ${i},not-an-email,en,application,NYH,2026-06-02`);
    const { status, answer } = await importBody(csv(good, ...bad));
    expect(status).toBe(422);
    expect(answer.errors).toHaveLength(1_000);
    expect(answer.errors[999]).toMatchObject({ line: 1_002, field: 'email' });
    expect(answer).toMatchObject({ received: 1_501, error_count: 1_500, errors_truncated: true });
    expect(answer.detail).toMatch(/1500 line\(s\)/);
    expect(await t.db.$count(appointments)).toBe(0);

    const skipped = await importBody(csv(good, ...bad), true);
    expect(skipped.status).toBe(200);
    expect(skipped.answer).toMatchObject({ inserted: 1, skipped: 1_500, error_count: 1_500, errors_truncated: true });
    expect(skipped.answer.errors).toHaveLength(1_000);
  });

  it('keeps a 2 MB all-invalid file’s answer small', async () => {
    const row = 'X,Person,not-an-email,xx,passport,ZZZ,2026-02-30';
    const body = csv(...Array.from({ length: 2_000_000 / row.length }, () => row));
    const response = await t.app.request('/api/v1/appointments/import', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.tokens.publisher}`, 'Content-Type': 'text/csv' },
      body,
    });
    expect(response.status).toBe(422);
    expect((await response.arrayBuffer()).byteLength).toBeLessThan(200_000);
  });
});
