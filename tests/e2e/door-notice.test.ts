import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import jsQR from 'jsqr';
import { type Browser } from 'playwright-core';
import { openE2eSite, type E2eSite } from './e2e-site';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server';
import { insertDemoScenario } from '../site/demo-scenario';
import { createTestContext, type TestContext } from '../support/test-context';

// The door notice as staff print it: the real build, served by the real server, rendered by
// Chromium; the QR code on the screenshot is read back with a QR decoder, as a phone would.
const publicUrl = 'https://status.example.go.ke';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let t: TestContext;
let site: E2eSite;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  t = await createTestContext({ PUBLIC_URL: publicUrl });
  await insertDemoScenario(t.db);
  site = await openE2eSite(t);
  ({ server, browser } = site);
});

afterAll(async () => {
  await site?.close();
  t?.close();
});

describe('the printable door notice and the widget in Chromium', () => {
  it('has a QR code that decodes to the incident page at PUBLIC_URL', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 800, height: 1200 } });
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/incidents/inc-outage/notice/`);
    expect(response?.status()).toBe(200);
    const screenshot = await page.locator('figure.qr svg').screenshot();
    const png = PNG.sync.read(screenshot);
    const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    expect(decoded?.data).toBe(`${publicUrl}/incidents/inc-outage/`);
    await context.close();
  });

  it('has no accessibility violations (axe-core) on the notice, the widget and the Swahili history', async () => {
    // axe is injected as a script, which the pages' own policy (script-src 'none') refuses.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    for (const path of ['/incidents/inc-outage/notice/', '/widget/', '/sw/widget/', '/sw/history/']) {
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

  it('prints on one A4 sheet', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/incidents/inc-outage/notice/`);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    // A4 is 210 × 297 mm: 595.3 × 841.9 points.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(Number(box?.[1])).toBeCloseTo(595.3, 0);
    expect(Number(box?.[2])).toBeCloseTo(841.9, 0);
    await context.close();
  });
});
