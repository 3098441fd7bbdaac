import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser } from 'playwright-core';
import { openE2eSite, type E2eSite } from './e2e-site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server';
import { insertDemoScenario } from '../site/demo-scenario';
import { createTestContext, type TestContext } from '../support/test-context';

// The real build of the demo outage, served by the real server, read by a real Chromium.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let t: TestContext;
let site: E2eSite;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  t = await createTestContext();
  await insertDemoScenario(t.db);
  site = await openE2eSite(t);
  ({ server, browser } = site);
});

afterAll(async () => {
  await site?.close();
  t?.close();
});

describe('the public status page in Chromium', () => {
  it('shows the outage with JavaScript off, fetching nothing but the page and its stylesheet', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => void requested.push(new URL(request.url()).pathname));
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Major Service Outage');
    const service = page.locator('li', { hasText: 'Passport application receiving' }).first();
    await expect(service.textContent()).resolves.toContain('Major outage');
    const colour = await service.locator('.st').evaluate((el) => getComputedStyle(el).color);
    expect(colour).not.toBe(await page.locator('body').evaluate((el) => getComputedStyle(el).color));
    const body = await page.locator('main').innerText();
    expect(body).toContain('Passport system outage at Nyayo House');
    expect(body).toContain('The passport printing system failed.');
    expect(body).toContain('Monday, 30 November 2026');
    expect(body).toContain('Planned upgrade of the payment gateway');
    expect(requested.sort()).toEqual(['/', '/hali.css']);
    await context.close();
  });

  it('has no accessibility violations (axe-core) on the home pages, an incident and the history', async () => {
    // axe is injected as a script, which the pages' own policy (script-src 'none') refuses.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    for (const path of ['/', '/sw/', '/incidents/inc-outage/', '/sw/incidents/inc-outage/', '/history/']) {
      await page.goto(`${server.url}${path}`);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe.run();
        return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
      });
      expect(violations, path).toEqual([]);
    }
    await context.close();
  });

  it('serves feeds that a browser parses as well-formed XML with one entry per published incident', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    for (const [path, type, entry] of [
      ['/history.atom', 'application/atom+xml', 'entry'],
      ['/history.rss', 'application/rss+xml', 'item'],
    ]) {
      const parsed = await page.evaluate(
        async ({ path, entry }) => {
          const response = await fetch(path);
          const xml = new DOMParser().parseFromString(await response.text(), 'application/xml');
          return {
            type: response.headers.get('content-type'),
            errors: xml.getElementsByTagName('parsererror').length,
            entries: xml.getElementsByTagName(entry).length,
          };
        },
        { path, entry },
      );
      expect(parsed.type).toContain(type);
      expect(parsed.errors).toBe(0);
      expect(parsed.entries).toBe(3);
    }
    await context.close();
  });
});
