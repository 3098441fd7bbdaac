import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { eq } from 'drizzle-orm';
import { type Browser, type Page } from 'playwright-core';
import { openE2eSite, type E2eSite } from './e2e-site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../api/auth/actor';
import { startDeliveryWorker, type DeliveryWorker } from '../../api/broadcast/outbox/delivery-worker';
import type { RunningServer } from '../../api/server';
import type { SiteBuilder } from '../../api/site/build/site-builder';
import { createStaffAccount } from '../../api/staff/create-staff-account';
import { appointments, incidents } from '../../db/schema/index';
import { addComponent } from '../api/staff-api-fixtures';
import { addAppointments, addOffice, weekdays } from '../appointments/appointment-fixtures';
import { xCredentials } from '../broadcast/broadcast-harness';
import { startFakeResend, type FakeResend } from '../fakes/resend';
import { startFakeX, type FakeX } from '../fakes/x';
import { createTestContext, type TestContext } from '../support/test-context';

// The communications staff's whole story in real Chromium: a drafter writes the outage notice from
// the template with live previews, a publisher in another browser context approves and publishes,
// the public page, fake X and fake Resend get it, then "restored" becomes a reply in the thread.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const password = 'a long console password 2026';
const affected = ['R1', 'R2', 'R3'];

let t: TestContext;
let x: FakeX;
let resend: FakeResend;
let worker: DeliveryWorker;
let builder: SiteBuilder;
let site: E2eSite;
let server: RunningServer;
let browser: Browser;
let componentName: string;

beforeAll(async () => {
  x = await startFakeX();
  resend = await startFakeResend();
  t = await createTestContext({ ...xCredentials, X_API_BASE_URL: x.url, RESEND_BASE_URL: resend.url, RESEND_API_KEY: 're_test_key', RESEND_RPS: '1000', CALENDAR_SIGNING_SECRET: 'calendar-secret-for-tests' });
  t.now.value = new Date('2026-05-29T08:00:00.000Z');
  await addOffice(t.db, 'NYH', { application: weekdays(10), collection: weekdays(10) });
  await addAppointments(
    t.db,
    affected.map((reference, i) => ({ reference, office: 'NYH', service: 'application' as const, date: i === 0 ? '2026-06-02' : '2026-06-03' })),
  );
  for (const reference of affected) {
    await t.db.update(appointments).set({ email: `${reference.toLowerCase()}@example.org`, fullName: `Applicant ${reference}` }).where(eq(appointments.reference, reference));
  }
  componentName = (await addComponent(t, { name: 'Passport applications — Nyayo House', service: 'application', office: 'NYH' })).name as string;
  for (const role of ['drafter', 'publisher'] as const) {
    await createStaffAccount(t.db, { name: `Story ${role}`, email: `${role}@story.example`, role, password }, { now: t.now.value, actor: systemActor });
  }
  worker = startDeliveryWorker({ config: t.config, db: t.db }, { poll: false, log: () => {} });
  site = await openE2eSite(t);
  ({ server, browser, builder } = site);
});

afterAll(async () => {
  await site?.close();
  await worker?.stop();
  await Promise.all([x?.close(), resend?.close()]);
  t?.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  // The console's CSP refuses inline scripts (as it should); evaluation over CDP is not a page script.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string }[] }> } }).axe.run();
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  });
}

async function signIn(role: 'drafter' | 'publisher', javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/console`);
  expect(new URL(page.url()).pathname).toBe('/console/sign-in');
  await page.getByLabel('Email').fill(`${role}@story.example`);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  expect(new URL(page.url()).pathname).toBe('/console');
  return page;
}

async function publishWaitingUpdate(publisher: Page, incidentId: string): Promise<void> {
  await publisher.goto(`${server.url}/console/incidents/${incidentId}/review`);
  await expect(publisher.getByRole('heading', { name: 'What the public will see' }).count()).resolves.toBe(1);
  expect(await axeViolations(publisher)).toEqual([]);
  await publisher.getByRole('button', { name: 'Approve and publish' }).click();
  expect(new URL(publisher.url()).pathname).toBe(`/console/incidents/${incidentId}/progress`);
}

describe('the staff console story in Chromium', () => {
  it('draft from the template → previews → approve and publish by a colleague → public page, X and every applicant emailed once → restored as a reply', async () => {
    const drafter = await signIn('drafter');
    expect(await axeViolations(drafter)).toEqual([]);
    await drafter.getByRole('link', { name: 'Draft an outage notice' }).first().click();
    await expect(drafter.locator('textarea[name="body"]').inputValue()).resolves.toMatch(/\S/);
    await drafter.getByLabel('Name', { exact: true }).fill('Passport applications unavailable at Nyayo House');
    await drafter.getByLabel(componentName).selectOption('major_outage');
    await drafter.getByLabel('Disruption start').fill('2026-06-02');
    await drafter.getByLabel('Expected restoration').fill('2026-06-04');

    // Live previews: the script asks the server while the drafter types, nothing pressed.
    const previews = drafter.locator('#previews');
    await previews.getByText('What the public will see').waitFor({ timeout: 10_000 });
    await expect(previews.getByText(/Weighted length \d+ of 280/).count()).resolves.toBe(1);
    await expect(previews.locator('table').first().textContent()).resolves.toContain('3');
    expect(await previews.textContent()).not.toContain('Applicant R1');
    expect(await axeViolations(drafter)).toEqual([]);

    await drafter.getByRole('button', { name: /Save/ }).click();
    const incidentId = /\/console\/incidents\/([^/?]+)/.exec(drafter.url())?.[1] ?? '';
    expect(incidentId).not.toBe('');
    await expect(drafter.locator('main').textContent()).resolves.toContain('waits for a publisher');
    // The drafter cannot release their own words.
    const refused = await drafter.goto(`${server.url}/console/incidents/${incidentId}/review`);
    expect(refused?.status()).toBe(403);

    const publisher = await signIn('publisher');
    await expect(publisher.locator('main').textContent()).resolves.toContain('drafted by Story drafter');
    await publishWaitingUpdate(publisher, incidentId);
    expect(await axeViolations(publisher)).toEqual([]);

    // The test app records build requests; the real builder builds, and the app reports its status.
    expect(t.siteBuildReasons.some((reason) => reason.includes(incidentId))).toBe(true);
    await builder.buildNow('published from the console');
    Object.assign(t.siteBuildStatus, builder.status());
    await worker.drainOnce();
    const publicPage = await (await browser.newContext()).newPage();
    await publicPage.goto(`${server.url}/`);
    await expect(publicPage.locator('main').textContent()).resolves.toContain('Passport applications unavailable at Nyayo House');

    expect(x.posts).toHaveLength(1);
    const recipients = resend.emails.map((email) => email.to).sort();
    expect(recipients).toEqual(['r1@example.org', 'r2@example.org', 'r3@example.org']);
    for (const email of resend.emails) expect(email.text).toContain('4 June 2026');

    await publisher.reload();
    await expect(publisher.locator('#progress').getAttribute('data-progress-done')).resolves.toBe('yes');
    await expect(publisher.locator('#progress').textContent()).resolves.toContain('view it on X');

    // Restored: the drafter posts it from the incident's page, the publisher releases it.
    await drafter.goto(`${server.url}/console/incidents/${incidentId}`);
    await drafter.getByRole('link', { name: 'Resolve' }).click();
    await drafter.getByLabel(componentName).selectOption('operational');
    await drafter.getByRole('button', { name: /Save/ }).click();
    await publishWaitingUpdate(publisher, incidentId);
    await worker.drainOnce();
    expect(x.posts).toHaveLength(2);
    expect(x.posts[1].inReplyTo).toBe(x.posts[0].id);
    const [incident] = await t.db.select().from(incidents).where(eq(incidents.id, incidentId));
    expect(incident.status).toBe('resolved');

    await publisher.goto(`${server.url}/console`);
    const counts = await publisher.locator('table').filter({ hasText: 'Every message Hali has queued' }).locator('tbody td').allTextContents();
    // Sent: 3 emails and 2 posts; nothing pending, sending, failed or dead.
    expect(counts).toEqual(['5', '0', '0', '0', '0', '0']);
    expect(resend.emails).toHaveLength(3);
  });
});
