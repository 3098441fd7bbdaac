import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleAssets } from '../../api/console/console-assets';
import { addComponent } from '../api/staff-api-fixtures';
import { addOffice, weekdays } from '../appointments/appointment-fixtures';
import { signInAsNew } from '../support/console-session';
import { createTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(() => t?.close());

const gzipBytes = (text: string) => gzipSync(Buffer.from(text), { level: 6 }).length;
/** The console's stylesheet and script load once, from every page. */
const assetBytes = gzipBytes(consoleAssets.css.body) + gzipBytes(consoleAssets.js.body);
const budget = 50 * 1024;

describe('console page weight', () => {
  it('keeps every page’s first load (HTML, CSS and script, gzip) under 50 KB', async () => {
    t = await createTestContext();
    await addOffice(t.db, 'NYH', { application: weekdays(10), collection: weekdays(10) });
    const component = await addComponent(t, { name: 'Passport applications — Nyayo House', service: 'application', office: 'NYH' });
    const admin = await signInAsNew(t, 'admin');
    const withPreview = await admin.post('/console/incidents/new', {
      kind: 'incident',
      name: 'Passport applications unavailable',
      impact: 'major',
      status: 'investigating',
      [`component.${component.id}`]: 'major_outage',
      disruption_from: '2026-11-26',
      expected_restoration: '2026-11-30',
      body: 'Applications are unavailable. We apologise.',
      action: 'preview',
    });
    expect(withPreview.status).toBe(200);
    const pages: Record<string, string> = { 'draft with previews': await withPreview.text() };
    for (const path of ['/console', '/console/incidents', '/console/incidents/new?template=outage', '/console/components', '/console/offices', '/console/offices/NYH', '/console/account']) {
      const response = await admin.get(path);
      expect(response.status, path).toBe(200);
      pages[path] = await response.text();
    }
    for (const [page, html] of Object.entries(pages)) {
      expect(html, page).toContain(consoleAssets.js.path);
      expect(gzipBytes(html) + assetBytes, page).toBeLessThan(budget);
    }
  });
});
