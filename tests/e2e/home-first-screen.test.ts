import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type Page } from 'playwright-core';
import { openE2eSite, type E2eSite } from './e2e-site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server';
import { seedDemo } from '../../scripts/demo/demo';
import { outageIdentified, outageNotice } from '../../scripts/demo/demo-notices';
import { sw } from '../../site/i18n/sw';
import { createTestContext, type TestContext } from '../support/test-context';

// The demo as `npm start` loads it, built and served for real, on a 390 × 844 phone screen with
// JavaScript off: the first screen must answer "should I travel?".
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const phone = { width: 390, height: 844 };

let t: TestContext;
let site: E2eSite;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.db, { now: new Date() });
  site = await openE2eSite(t);
  ({ server, browser } = site);
});

afterAll(async () => {
  await site?.close();
  t?.close();
});

async function onPhone<T>(path: string, use: (page: Page) => Promise<T>, options: { bypassCSP?: boolean } = {}): Promise<T> {
  const context = await browser.newContext({ viewport: phone, javaScriptEnabled: !!options.bypassCSP, bypassCSP: options.bypassCSP });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    return await use(page);
  } finally {
    await context.close();
  }
}

/** Top of the element, in page pixels from the top of the document. */
async function topOf(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not shown`);
  return box.y;
}

const languages = [
  {
    path: '/',
    incidentName: outageNotice.name,
    apology: outageIdentified.body.slice(0, 60),
    doNotTravel: 'you will get a new date by email — do not travel',
    down: 'Down',
    office: 'Mombasa Regional Office',
    service: 'Passport application receiving — Mombasa',
  },
  {
    path: '/sw/',
    incidentName: outageNotice.nameSw,
    apology: outageIdentified.bodySw.slice(0, 60),
    doNotTravel: 'utapokea tarehe mpya kwa barua pepe — usisafiri',
    down: 'Haipatikani',
    office: 'Ofisi ya Kanda ya Mombasa',
    service: 'Kupokea maombi ya pasipoti — Mombasa',
  },
];

describe('the demo home page on a phone', () => {
  for (const language of languages) {
    it(`${language.path}: the first screen says what is down where, since and until when, not to travel, and the apology`, async () => {
      await onPhone(language.path, async (page) => {
        const now = page.locator('article.now').first();
        await expect(now.locator('h2').innerText()).resolves.toBe(language.incidentName);
        // Offices × services: five offices, two services, every cell down, in one compact table.
        const grid = now.locator('table.grid');
        await expect(grid.locator('thead th').count()).resolves.toBe(3);
        await expect(grid.locator('tbody tr').count()).resolves.toBe(5);
        const cells = await grid.locator('tbody td').allInnerTexts();
        expect(cells).toEqual(Array(10).fill(language.down));
        await expect(grid.locator('tbody th').allInnerTexts()).resolves.toContain(language.office);
        // Component names are not repeated line by line in the incident (that was the list twice).
        await expect(now.innerText()).resolves.not.toContain(language.service);
        await expect(now.locator('.when time').count()).resolves.toBe(2);
        await expect(now.locator('.travel').innerText()).resolves.toContain(language.doNotTravel);
        await expect(now.locator('.apology').innerText()).resolves.toContain(language.apology);

        for (const selector of ['article.now h2', 'article.now .when', 'article.now .travel', 'article.now table.grid', 'article.now .apology']) {
          expect(await topOf(page, selector), selector).toBeLessThan(phone.height);
        }
        await expect(page.locator('script').count()).resolves.toBe(0);
      });
    });
  }

  it('shows every service with 90 daily uptime bars, its uptime in words and the rule', async () => {
    await onPhone('/sw/', async (page) => {
      const services = page.locator('ul.components > li');
      const count = await services.count();
      expect(count).toBe(12);
      for (let index = 0; index < count; index++) await expect(services.nth(index).locator('.bars i').count()).resolves.toBe(90);
      const summaries = await page.locator('ul.components details summary').allInnerTexts();
      const percents = summaries.map((s) => Number(/([\d.]+) %/.exec(s)?.[1]));
      expect(percents.every((p) => p > 0 && p <= 100)).toBe(true);
      // The demo's 90 days of history leave most services below 100 %.
      expect(percents.filter((p) => p < 100).length).toBeGreaterThanOrEqual(8);
      await expect(page.locator('main').innerText()).resolves.toContain(sw.uptime.rule);
      await expect(page.locator('main').innerText()).resolves.toContain('Kupokea maombi ya pasipoti — Nyayo House');
    });
  });

  it('has no accessibility violations (axe-core) at phone width', async () => {
    for (const path of ['/', '/sw/']) {
      const violations = await onPhone(
        path,
        async (page) => {
          await page.addScriptTag({ content: axeSource });
          return page.evaluate(async () => {
            const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe.run();
            return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
          });
        },
        { bypassCSP: true },
      );
      expect(violations, path).toEqual([]);
    }
  });
});
