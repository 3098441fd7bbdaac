import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './e2e-site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../api/auth/actor';
import { consoleAssets } from '../../api/console/console-assets';
import { startServer, type RunningServer } from '../../api/server';
import { createStaffAccount } from '../../api/staff/create-staff-account';
import { addAppointments, addOffice, weekdays } from '../appointments/appointment-fixtures';
import { createTestContext, type TestContext } from '../support/test-context';

// The appointments and audit pages in real Chromium at 390 px: an upload,
// a refused upload, a refused and a good manual move, the audit log filtered; axe on each page.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const password = 'a long console password 2026';
const header = 'reference,full_name,email,language,service,office,appointment_date';

let t: TestContext;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  t = await createTestContext();
  t.now.value = new Date('2026-05-29T08:00:00.000Z');
  await addOffice(t.db, 'NYH', { application: weekdays(1), collection: weekdays(1) });
  await addAppointments(t.db, [{ reference: 'R2', office: 'NYH', service: 'application', date: '2026-06-03' }]);
  await createStaffAccount(t.db, { name: 'Wanjiru Admin', email: 'admin@e2e.example', role: 'admin', password }, { now: t.now.value, actor: systemActor });
  server = await startServer({ app: t.app, siteDir: t.config.site.dir, host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  t?.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  // The console's CSP refuses inline scripts; evaluation over CDP is not a page script.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string }[] }> } }).axe.run();
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  });
}

/** Axe finds nothing (wide tables scroll inside a focusable region, so keyboards reach them), and the page is no wider than a 390 px phone. */
async function checkPage(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

describe('console appointments and audit log in Chromium at 390 px', () => {
  it('upload, refused upload, move by hand with a refusal, then the audit log filtered by the person', async () => {
    // JavaScript stays on for axe (evaluation hangs without it); these pages use no script of their own,
    // and the posts without JavaScript are covered by tests/console/*.test.ts.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/console/sign-in`);
    await page.getByLabel('Email').fill('admin@e2e.example');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.goto(`${server.url}/console/appointments`);
    await checkPage(page);
    await page.getByLabel('CSV file').setInputFiles({ name: 'june.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nR1,Amina Ali,amina@example.com,sw,application,NYH,2026-06-02\n`) });
    await page.getByRole('button', { name: 'Import the file' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('New appointments: 1');
    await checkPage(page);

    await page.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nR3,Baraka,not-an-email,en,application,NYH,2026-06-02\n`) });
    await page.getByRole('button', { name: 'Import the file' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Nothing was imported from bad.csv');
    await checkPage(page);

    await page.getByLabel('Reference').fill('R1');
    await page.getByRole('button', { name: 'Find' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/appointments/R1');
    await checkPage(page);
    // R2 holds the one place on 3 June.
    await page.getByLabel('New date').fill('2026-06-03');
    await page.getByLabel('Reason').fill('Applicant asked');
    await page.getByRole('button', { name: 'Move the appointment' }).click();
    await expect(page.locator('#date-error').textContent()).resolves.toContain('is full');
    await checkPage(page);
    await page.getByLabel('New date').fill('2026-06-04');
    await page.getByRole('button', { name: 'Move the appointment' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('moved to Thursday, 4 June 2026');
    await expect(page.locator('table').textContent()).resolves.toContain('Wanjiru Admin, by hand');
    await checkPage(page);

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('What').selectOption('appointment.move');
    await page.getByLabel('Who').selectOption({ label: 'Wanjiru Admin (admin)' });
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('1 entry');
    await expect(page.locator('tbody').textContent()).resolves.toContain('Wanjiru Admin');
    await checkPage(page);

    // First load under 50 KB gzip: the page with its stylesheet and script.
    const html = await page.content();
    const weight = [html, consoleAssets.css.body, consoleAssets.js.body].reduce((sum, body) => sum + gzipSync(body).byteLength, 0);
    expect(weight).toBeLessThan(50 * 1024);
  });
});
