import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { officeOverrides } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run offices', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  const offices = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/offices.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: t.databaseUrl, NODE_ENV: 'test' },
      encoding: 'utf8',
    });

  it('adds an office, opens a Saturday and shows the calendar', async () => {
    expect(offices('add', 'KSM', 'Kisumu', '60,60,60,60,40,0,0', '80,80,80,80,60,0,0').status).toBe(0);
    const override = offices('override', 'KSM', '2026-06-06', 'application', '30', '--note', 'Backlog Saturday');
    expect(override.status).toBe(0);
    expect(override.stdout).toContain('override 2026-06-06 application: 30 (Backlog Saturday)');
    expect(await t.db.select().from(officeOverrides)).toEqual([{ officeCode: 'KSM', date: '2026-06-06', service: 'application', capacity: 30, note: 'Backlog Saturday' }]);
    const calendar = offices('calendar', 'KSM', '2026-06-01', '2026-06-06');
    expect(calendar.stdout.split('\n')[0]).toMatch(/^2026-06-01 {2}closed .*Madaraka Day/);
    expect(calendar.stdout).toMatch(/2026-06-06 {2}open {4}application 0\/30 {2}collection 0\/0/);
  });

  it('explains a bad command without a stack trace', () => {
    const result = offices('set-capacity', 'KSM', 'application', '1,2,3');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('"1,2,3" is not seven whole numbers, Monday first.');
  });
});
