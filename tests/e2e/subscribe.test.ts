import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser } from 'playwright-core';
import { openE2eSite, type E2eSite } from './e2e-site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeliveryWorker, type DeliveryWorker } from '../../api/broadcast/outbox/delivery-worker';
import type { RunningServer } from '../../api/server';
import { publishTestUpdate } from '../broadcast/broadcast-test-data';
import { startFakeResend, type FakeResend } from '../fakes/resend';
import { insertDemoScenario } from '../site/demo-scenario';
import { linkIn } from '../subscribers/subscriber-flow';
import { createTestContext, type TestContext } from '../support/test-context';

// Subscribe → confirm → notified → unsubscribe, in Chromium with JavaScript off, on the real build
// and server, with the real resend SDK sending to the fake Resend.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let t: TestContext;
let resend: FakeResend;
let worker: DeliveryWorker;
let site: E2eSite;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  resend = await startFakeResend();
  t = await createTestContext({ RESEND_BASE_URL: resend.url, RESEND_API_KEY: 're_test_key', RESEND_RPS: '1000', PUBLIC_URL: 'https://status.example.go.ke', CALENDAR_SIGNING_SECRET: 'calendar-secret-for-tests' });
  await insertDemoScenario(t.db);
  worker = startDeliveryWorker({ config: t.config, db: t.db }, { poll: false, log: () => {}, channels: { x: null } });
  site = await openE2eSite(t);
  ({ server, browser } = site);
});

afterAll(async () => {
  await site?.close();
  await worker?.stop();
  await resend?.close();
  t?.close();
});

/** The emailed link, on the local server instead of the public address. */
const local = (url: string) => `${server.url}${new URL(url).pathname}${new URL(url).search}`;

async function pageHasNoAxeViolations(page: import('playwright-core').Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string }[] }> } }).axe.run();
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  });
}

describe('subscribing in Chromium without JavaScript', () => {
  it('subscribe on the Swahili page, confirm, get the update with one-click headers, unsubscribe', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/sw/`);
    await page.getByLabel('Anwani ya barua pepe').fill('amina@example.com');
    await page.locator('summary').filter({ hasText: 'Huduma fulani tu' }).click();
    await page.getByLabel('Passport application receiving', { exact: true }).check();
    await page.getByRole('button', { name: 'Jisajili' }).click();
    expect(new URL(page.url()).pathname).toBe('/sw/subscribe/check-inbox/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Angalia sanduku lako la barua');

    await worker.drainOnce();
    expect(resend.emails).toHaveLength(1);
    await page.goto(local(linkIn(resend.emails[0].text, 'Thibitisha usajili wangu')));
    await page.getByRole('button', { name: 'Thibitisha' }).click();
    expect(new URL(page.url()).pathname).toBe('/sw/subscribe/confirmed/');

    await publishTestUpdate(t.db, 'inc-outage', { body: 'Printing resumes tomorrow.', status: 'monitoring' });
    await worker.drainOnce();
    expect(resend.emails).toHaveLength(2);
    const notice = resend.emails[1];
    expect(notice.to).toBe('amina@example.com');
    const unsubscribeUrl = linkIn(notice.text, 'Jiondoe');
    expect(notice.headers).toEqual({ 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

    await page.goto(local(unsubscribeUrl));
    await page.getByRole('button', { name: 'Jiondoe' }).click();
    expect(new URL(page.url()).pathname).toBe('/sw/subscribe/unsubscribed/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Umejiondoa');
    await context.close();
  });

  it('the pages a subscriber sees have no accessibility violations (axe-core)', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    for (const path of ['/subscribe/check-inbox/', '/sw/subscribe/check-inbox/', '/subscribe/confirmed/', '/sw/subscribe/unsubscribed/']) {
      await page.goto(`${server.url}${path}`);
      expect(await pageHasNoAxeViolations(page), path).toEqual([]);
    }
    await context.close();
  });
});
