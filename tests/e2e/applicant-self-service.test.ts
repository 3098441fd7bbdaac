import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { eq } from 'drizzle-orm';
import { type Browser, type Page } from 'playwright-core';
import { openE2eSite, type E2eSite } from './e2e-site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server';
import { appointments, offices } from '../../db/schema/index';
import { addOffice, weekdays } from '../appointments/appointment-fixtures';
import { movedByOutage } from '../applicants/applicant-fixtures';
import { createTestContext, type TestContext } from '../support/test-context';

// An applicant whose appointment the outage moved, on the real build and server, in Chromium with
// JavaScript off: from the incident page to their date, then to another date of their choosing
// (at the nearby office the department allows for theirs).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let t: TestContext;
let site: E2eSite;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  t = await createTestContext();
  await movedByOutage(t);
  // Nyayo House's applicants may also choose a day at Thika.
  await addOffice(t.db, 'THK', { application: weekdays(2), collection: weekdays(2) });
  await t.db.update(offices).set({ name: 'Thika', address: 'Kenyatta Highway, Thika' }).where(eq(offices.code, 'THK'));
  await t.db.update(offices).set({ nearbyOfficeCode: 'THK' }).where(eq(offices.code, 'NYH'));
  site = await openE2eSite(t);
  ({ server, browser } = site);
});

afterAll(async () => {
  await site?.close();
  t?.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe.run();
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  });
}

/** Links carry PUBLIC_URL; the test server listens on a port of its own. */
const onTestServer = (href: string | null) => `${server.url}${new URL(href ?? '/', server.url).pathname}`;

describe('an applicant looks up their appointment and chooses another date, JavaScript off', () => {
  it('finds the lookup from the incident page, sees the new date, and moves it to a day of their choice', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/incidents/inc/`);
    await page.getByRole('link', { name: 'Had an appointment during this disruption? Look up your new date' }).click();
    expect(new URL(page.url()).pathname).toBe('/appointment/');

    await page.getByLabel('Reference').fill('R1');
    await page.getByLabel('Email').fill('amina@example.org');
    await page.getByRole('button', { name: 'Look up' }).click();
    const answer = await page.locator('main').innerText();
    expect(answer).toContain('Hello Amina,');
    expect(answer).toContain('Thursday, 4 June 2026');
    expect(answer).toContain('Moved from Tuesday, 2 June 2026 to Thursday, 4 June 2026 because of Outage inc.');

    const choose = await page.getByRole('link', { name: 'Cannot come that day? Choose another date' }).getAttribute('href');
    await page.goto(onTestServer(choose));
    await expect(page.getByLabel('Thursday, 4 June 2026 (your current date)').isChecked()).resolves.toBe(true);
    await page.getByRole('group', { name: 'Or a day at a nearby office: Thika, Kenyatta Highway, Thika' }).getByLabel('Monday, 8 June 2026').check();
    await page.getByRole('button', { name: 'Confirm this date' }).click();
    expect(await page.locator('h1').innerText()).toBe('Your new date is confirmed');
    expect(await page.locator('main').innerText()).toContain('Your appointment has moved from Thursday, 4 June 2026 to Monday, 8 June 2026. It is now at Thika.');
    const [r1] = await t.db.select().from(appointments).where(eq(appointments.reference, 'R1'));
    expect(r1).toMatchObject({ appointmentDate: '2026-06-08', officeCode: 'THK' });
    await context.close();
  });

  it('has no accessibility violations on the lookup pages, the answer and the choice page, in English and Swahili', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    for (const path of ['/appointment/', '/sw/appointment/']) {
      await page.goto(`${server.url}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.goto(`${server.url}/sw/appointment/`);
    await page.getByLabel('Nambari ya kumbukumbu').fill('R2');
    await page.getByLabel('Barua pepe').fill('r2@example.org');
    await page.getByRole('button', { name: 'Angalia' }).click();
    expect(await page.locator('main').innerText()).toContain('Habari Applicant,');
    expect(await axeViolations(page), 'answer').toEqual([]);
    const choose = await page.getByRole('link', { name: 'Hutaweza kuja siku hiyo? Chagua tarehe nyingine' }).getAttribute('href');
    await page.goto(`${onTestServer(choose)}?lang=sw`);
    expect(await axeViolations(page), 'choose').toEqual([]);
    await page.goto(onTestServer(choose));
    expect(await axeViolations(page), 'choose (en)').toEqual([]);
    await page.goto(`${server.url}/appointment/`);
    await page.getByLabel('Reference').fill('R9');
    await page.getByLabel('Email').fill('nobody@example.org');
    await page.getByRole('button', { name: 'Look up' }).click();
    expect(await page.locator('h1').innerText()).toBe('We could not find that appointment');
    expect(await axeViolations(page), 'not found').toEqual([]);
    await context.close();
  });
});
