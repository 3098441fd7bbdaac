import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestHandler } from '../../api/server';
import { createSiteBuilder, type SiteBuilder } from '../../api/site/build/site-builder';
import { createTestContext, type TestContext } from '../support/test-context';
import { insertDemoScenario } from './demo-scenario';

// The pages' content security policy allows only what a real build of the demo needs: if a page
// gained an inline script or style, a third-party asset or a form posting elsewhere, a browser would block it.
let t: TestContext;
let builder: SiteBuilder;
let pages: string[];

beforeAll(async () => {
  t = await createTestContext({ PUBLIC_URL: 'https://status.example.go.ke' });
  await insertDemoScenario(t.db);
  builder = createSiteBuilder(t.config, t.db, { log: () => {} });
  const result = await builder.buildNow('test');
  if (!result.ok) throw new Error(result.error);
  pages = readdirSync(result.dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === 'index.html')
    .map((entry) => `/${relative(result.dir, join(entry.parentPath, entry.name)).replace(/index\.html$/, '')}`);
}, 120_000);
afterAll(() => {
  builder.close();
  t.close();
});

describe('the built pages under their content security policy', () => {
  it('load nothing the policy blocks: no scripts, no inline styles or handlers, only own or data: resources', async () => {
    const handler = createRequestHandler(t.app, t.config.site.dir, { publicUrl: t.config.publicUrl });
    expect(pages.length).toBeGreaterThan(4);
    for (const path of pages) {
      const response = await handler(new Request(`https://status.example.go.ke${path}`));
      expect(response.status, path).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'none'");
      expect(csp, path).toContain("style-src 'self'");
      const html = await response.text();
      expect(html, path).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=|<iframe|<object|<embed|<base\s/i);
      // Forms (subscribe, find my appointment) post to this origin only, as form-action allows.
      expect(csp, path).toContain("form-action 'self'");
      for (const [form] of html.matchAll(/<form\b[^>]*>/gi)) expect(form, path).toMatch(/\saction="\/(?![/\\])[^"]*"/);
      // Everything a page fetches (stylesheets, icons, images) is on this origin or inline data.
      const fetched = [...html.matchAll(/<(?:link|img|source)\b[^>]*?\s(?:href|src|srcset)="([^"]*)"/gi)]
        .filter(([tag]) => !/rel="alternate"/.test(tag))
        .map(([, url]) => url);
      for (const url of fetched) expect(url, `${path}: ${url}`).toMatch(/^(\/(?![/\\])|data:)/);
    }
  });
});
