import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { desc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appointments, auditLog } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { addOffice, weekdays } from './appointment-fixtures';

const root = fileURLToPath(new URL('../..', import.meta.url));
const header = 'reference,full_name,email,language,service,office,appointment_date';

// The real command, as an operator runs it, against the test's own database file.
describe('npm run import:appointments', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    await addOffice(t.db, 'NYH', { application: weekdays(5), collection: weekdays(5) });
  });
  afterEach(() => t.close());

  const runImport = (rows: string[], ...flags: string[]) => {
    const file = join(t.dir, 'appointments.csv');
    writeFileSync(file, [header, ...rows].join('\n'));
    return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-appointments.ts', file, ...flags], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: t.databaseUrl, NODE_ENV: 'test' },
      encoding: 'utf8',
    });
  };

  it('imports nothing from a file with a bad row, naming the line and field but not the person', async () => {
    const result = runImport(['R1,Amina Ali,amina@example.com,sw,application,NYH,2026-06-02', 'R2,Hidden Name,hidden-at-example,en,application,NYH,2026-06-02']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('line 3, email: email is not a well-formed address.');
    expect(result.stderr).toContain('Nothing imported');
    expect(result.stderr + result.stdout).not.toContain('Hidden Name');
    expect(await t.db.$count(appointments)).toBe(0);
  });

  it('prints the first 200 problems and counts the rest, however many there are', async () => {
    const bad = Array.from({ length: 1_500 }, (_, i) => `B${i},Person ${i},not-an-email,en,application,NYH,2026-06-02`);
    const result = runImport(bad);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('line 201, email: email is not a well-formed address.');
    expect(result.stderr).not.toContain('line 202, email');
    expect(result.stderr).toContain('… and 1300 more problems.');
    expect(result.stderr).toContain('Nothing imported: 1500 problem(s) on 1500 line(s) in 1500 rows.');
  });

  it('names the first line of a file that is not UTF-8 and imports nothing', async () => {
    const file = join(t.dir, 'latin1.csv');
    writeFileSync(file, Buffer.concat([Buffer.from(`${header}\nR1,Amina Ali,amina@example.com,sw,application,NYH,2026-06-02\nR2,Jos`), Buffer.from([0xe9]), Buffer.from(',j@example.com,en,application,NYH,2026-06-02\n')]));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-appointments.ts', file, '--skip-invalid'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: t.databaseUrl, NODE_ENV: 'test' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/line 3, \(encoding\): this line is not valid UTF-8/);
    expect(await t.db.$count(appointments)).toBe(0);
  });

  it('with --skip-invalid imports the good rows, prints a summary and audits the import', async () => {
    const result = runImport(['R1,Amina Ali,amina@example.com,sw,application,NYH,2026-06-02', 'R2,Bad Office,b@example.com,en,application,ZZZ,2026-06-02'], '--skip-invalid');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Imported 1 of 2 rows: 1 new, 0 updated, 1 skipped.');
    expect(await t.db.$count(appointments)).toBe(1);
    const [audit] = await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ action: 'appointments.import', tokenId: null, detail: { source: 'cli', inserted: 1, skipped: 1 } });
  });
});
