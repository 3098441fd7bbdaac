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
import { createTestContext, type TestContext } from '../support/test-context';

// Accounts, tokens and templates in real Chromium at 390 px: add a person (by keyboard alone),
// issue and revoke a token, edit a template with a refusal; axe on each page. Axe needs the page's
// JavaScript on (its run never settles in a context without it); the forms themselves post
// without JavaScript, as tests/console/accounts-pages.test.ts and templates-pages.test.ts show.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const password = 'a long console password 2026';

let t: TestContext;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  t = await createTestContext();
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
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe.run();
    return result.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

/** Axe finds nothing, nothing is wider than a 390 px phone, and the first load stays under 50 KB gzip. */
async function checkPage(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 391 && !e.closest('table')).map((e) => `${e.tagName}.${e.className}:${Math.round(e.getBoundingClientRect().right)}`).slice(0, 8));
  expect(wide).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const weight = [await page.content(), consoleAssets.css.body, consoleAssets.js.body].reduce((sum, body) => sum + gzipSync(body).byteLength, 0);
  expect(weight).toBeLessThan(50 * 1024);
}

/** Tabs to the control named `name` (a person with a keyboard), then presses Enter on it. */
async function tabToAndPress(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
    if (focused === name) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`No focusable control named "${name}"`);
}

describe('console accounts, tokens and templates in Chromium at 390 px', () => {
  it('add a person, issue and revoke a token, edit a template after a refusal', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/console/sign-in`);
    await page.getByLabel('Email').fill('admin@e2e.example');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.goto(`${server.url}/console/accounts`);
    await checkPage(page);
    await page.getByLabel('Name', { exact: true }).fill('Baraka Otieno');
    await page.getByLabel('Work email').fill('baraka@e2e.example');
    await page.getByLabel('Role').selectOption('drafter');
    await tabToAndPress(page, 'Add the person');
    await page.waitForURL(/\/console\/accounts$/);
    await expect(page.getByLabel('Set-password link').inputValue()).resolves.toMatch(/\/console\/password\//);
    await checkPage(page);
    await page.getByRole('link', { name: 'Baraka Otieno’s account' }).click();
    await checkPage(page);

    await page.goto(`${server.url}/console/tokens`);
    await checkPage(page);
    await page.getByLabel('Name', { exact: true }).fill('Comms desk');
    await page.getByLabel('Acts for (owner)').selectOption({ label: 'Baraka Otieno (drafter)' });
    await page.getByLabel('Role').selectOption('publisher');
    await page.getByRole('button', { name: 'Issue the token' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Correct the fields marked below');
    await checkPage(page);
    await page.getByLabel('Role').selectOption('drafter');
    await page.getByRole('button', { name: 'Issue the token' }).click();
    await expect(page.getByLabel('Token secret').inputValue()).resolves.toMatch(/^hali_/);
    await checkPage(page);
    await page.goto(`${server.url}/console/tokens`);
    await page.getByRole('link', { name: /^Revoke\s+Comms desk/ }).click();
    await checkPage(page);
    await page.getByRole('button', { name: 'Revoke the token' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('The token was revoked');

    await page.goto(`${server.url}/console/templates`);
    await checkPage(page);
    await page.getByRole('link', { name: 'Outage notice and apology' }).click();
    await checkPage(page);
    await page.getByLabel('X text').fill('日'.repeat(141));
    await page.getByRole('button', { name: 'Save the template' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Correct the fields marked below');
    await checkPage(page);
    await page.getByLabel('X text').fill('Passport services are down. We are sorry.');
    await page.getByRole('button', { name: 'Save the template' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('The template was saved');
    await context.close();
  });
});
