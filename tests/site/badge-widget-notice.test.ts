import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestHandler } from '../../api/server';
import { createSiteBuilder, type SiteBuilder } from '../../api/site/build/site-builder';
import { components, incidents } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { allElements, child, parseStrictXml } from './parse-strict-xml';
import { insertSwahiliDemoScenario, swahiliNames } from './swahili-demo-site';

// One real build of the demo outage with hostile staff text, read from disk and through the real
// request handler: the badges, the framable widget, the door notice and the rendered postmortem.
const publicUrl = 'https://status.example.go.ke';
const RLO = '\u202E';
const hostileComponentName = `Cashier <script>alert(1)</script> & "desk" ${RLO}evil`;
const hostilePostmortem = [
  '## What happened',
  '',
  'The **card printer** failed. <script>alert("pm")</script> <img src=x onerror=alert(2)>',
  '',
  `[Read more](javascript:alert(3)) · [Also](JAVASCRIPT:alert(4)) · [Vendor notes](https://vendor.example/notes?a=1&b=2) · ${RLO}txt.exe`,
  '',
  '<a href="javascript:alert(5)">raw link</a>',
].join('\n');

let t: TestContext;
let builder: SiteBuilder;
let dir: string;
const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const call = (path: string) => Promise.resolve(createRequestHandler(t.app, t.config.site.dir, {})(new Request(`http://status.test${path}`)));

beforeAll(async () => {
  t = await createTestContext({ PUBLIC_URL: publicUrl, STATUS_PAGE_NAME: 'Immigration Services Status' });
  await insertSwahiliDemoScenario(t.db);
  await t.db.update(components).set({ name: hostileComponentName, status: 'degraded_performance' }).where(eq(components.id, 'cmp-online'));
  await t.db.update(incidents).set({ postmortem: hostilePostmortem, postmortemPublishedAt: '2026-10-02T08:00:00.000Z' }).where(eq(incidents.id, 'inc-old'));
  builder = createSiteBuilder(t.config, t.db, { log: () => {} });
  const result = await builder.buildNow('test');
  if (!result.ok) throw new Error(result.error);
  dir = result.dir;
}, 120_000);
afterAll(() => {
  builder.close();
  t.close();
});

describe('the status badge', () => {
  it('shows the page status as a shields-style SVG with a title, in English and Swahili', () => {
    const badge = parseStrictXml(read('badge.svg'));
    expect(badge.local).toBe('svg');
    expect(badge.attributes.role).toBe('img');
    expect(child(badge, 'title').text).toBe('Immigration Services Status: Major Service Outage');
    expect(allElements(badge).filter((e) => e.local === 'text').map((e) => e.text)).toEqual(['status', 'Major Service Outage']);
    const swahili = parseStrictXml(read('sw/badge.svg'));
    expect(allElements(swahili).filter((e) => e.local === 'text').map((e) => e.text)).toEqual(['hali', 'Hitilafu kubwa katika huduma']);
  });

  it('has one badge per component, whose hostile name stays text', () => {
    expect(child(parseStrictXml(read('badge/cmp-nyh-app.svg')), 'title').text).toBe('Passport application receiving: Major outage');
    const raw = read('badge/cmp-online.svg');
    expect(raw).not.toContain('<script');
    expect(raw).not.toContain(RLO);
    const hostile = parseStrictXml(raw);
    expect(child(hostile, 'title').text).toBe('Cashier <script>alert(1)</script> & "desk" evil: Degraded performance');
    expect(allElements(hostile).map((e) => e.local)).not.toContain('script');
  });

  it('is served as a cacheable SVG', async () => {
    const response = await call('/badge/cmp-nyh-app.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    expect(response.headers.get('etag')).toBeTruthy();
  });
});

describe('the status widget', () => {
  it('says what is down and when it is back, in under 2 KB gzip with its stylesheet and no script', () => {
    const html = read('widget/index.html');
    expect(html).toContain('Major Service Outage');
    expect(html).toContain('Passport system outage at Nyayo House');
    expect(html).toContain('Monday, 30 November 2026');
    expect(html).toContain('If your appointment was affected you will receive a new date by email.');
    expect(html).toContain(`href="${publicUrl}/incidents/inc-outage/" target="_blank" rel="noopener"`);
    expect(html).not.toContain('<script');
    const swahili = read('sw/widget/index.html');
    expect(swahili).toContain(swahiliNames.incidents['inc-outage']);
    expect(swahili).toContain('Jumatatu, 30 Novemba 2026');
    const weight = gzipSync(html).length + gzipSync(read('widget.css')).length;
    expect(weight).toBeLessThan(2048);
  });

  it('may be framed by any site, while every other page still may not; no cookies, cacheable', async () => {
    for (const path of ['/widget/', '/sw/widget/']) {
      const response = await call(path);
      expect(response.status, path).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain('frame-ancestors *');
      expect(csp, path).toContain("script-src 'none'");
      expect(response.headers.get('set-cookie'), path).toBeNull();
      expect(response.headers.get('cache-control'), path).toMatch(/^public, max-age=\d+/);
    }
    for (const path of ['/', '/sw/', '/incidents/inc-outage/', '/incidents/inc-outage/notice/']) {
      expect((await call(path)).headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
  });
});

describe('the door notice', () => {
  it('exists for open incidents only, and is linked from their pages', () => {
    expect(() => read('incidents/inc-old/notice/index.html')).toThrow();
    expect(read('incidents/inc-outage/index.html')).toContain('<a href="/incidents/inc-outage/notice/">Printable notice for the office door</a>');
    expect(read('sw/incidents/inc-outage/index.html')).toContain('<a href="/incidents/inc-outage/notice/">Tangazo la kuchapisha kwa mlango wa ofisi</a>');
    expect(read('incidents/inc-old/index.html')).not.toContain('/notice/');
  });

  it('says in English and Swahili what is down, the apology, when service is back and what happens to appointments', () => {
    const html = read('incidents/inc-outage/notice/index.html');
    const [english, swahili] = html.split('<section').slice(1);
    expect(english).toMatch(/^ lang="en"/);
    expect(english).toContain('Passport system outage at Nyayo House');
    expect(english).toContain('Passport application receiving');
    expect(english).toContain('Monday, 30 November 2026');
    expect(english).toContain('We apologise to everyone affected');
    expect(english).toContain('If your appointment was affected you will receive a new date by email.');
    expect(swahili).toMatch(/^ lang="sw"/);
    expect(swahili).toContain(swahiliNames.incidents['inc-outage']);
    expect(swahili).toContain(swahiliNames.components['cmp-nyh-app']);
    expect(swahili).toContain('Jumatatu, 30 Novemba 2026');
    expect(swahili).toContain('Tunaomba radhi');
    expect(swahili).toContain('utapokea tarehe mpya kwa barua pepe');
    expect(html).toContain(`${publicUrl}/incidents/inc-outage/`);
    expect(html).toMatch(/<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expect(html).not.toContain('<script');
    expect(html).toContain('<link rel="stylesheet" href="/notice.css">');
    expect(read('notice.css')).toContain('@page { size: A4;');
  });
});

describe('a postmortem', () => {
  it('renders its Markdown on the incident pages with no script, handler, javascript: link or bidi control', () => {
    for (const file of ['incidents/inc-old/index.html', 'sw/incidents/inc-old/index.html']) {
      const html = read(file);
      const postmortem = /<div class="postmortem" lang="en">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
      expect(postmortem, file).toContain('<h3>What happened</h3>');
      expect(postmortem, file).toContain('<strong>card printer</strong>');
      expect(postmortem, file).toContain('<a href="https://vendor.example/notes?a=1&amp;b=2">Vendor notes</a>');
      expect(postmortem, file).toContain('&lt;script&gt;');
      // Only plain formatting tags remain, and the one link left is the https one.
      const tags = new Set([...postmortem.matchAll(/<([a-z0-9]+)/gi)].map((m) => m[1].toLowerCase()));
      expect([...tags].sort(), file).toEqual(['a', 'h3', 'p', 'strong']);
      expect([...postmortem.matchAll(/<a ([^>]*)>/g)].map((m) => m[1]), file).toEqual(['href="https://vendor.example/notes?a=1&amp;b=2"']);
      expect(html, file).not.toContain(RLO);
    }
  });

  it('appears in the Statuspage JSON as postmortem_body with postmortem_published_at', () => {
    const { incidents: listed } = JSON.parse(read('api/v2/incidents.json')) as { incidents: { id: string; postmortem_body: string | null; postmortem_published_at: string | null }[] };
    expect(listed.find((i) => i.id === 'inc-old')).toMatchObject({ postmortem_body: hostilePostmortem, postmortem_published_at: '2026-10-02T08:00:00.000Z' });
    expect(listed.find((i) => i.id === 'inc-outage')).toMatchObject({ postmortem_body: null, postmortem_published_at: null });
  });
});

describe('after the outage is resolved and the site rebuilt', () => {
  it('drops the door notice and its link, and the badge and widget say so', async () => {
    await t.db.update(incidents).set({ status: 'resolved', resolvedAt: '2026-11-30T06:00:00.000Z' }).where(eq(incidents.id, 'inc-outage'));
    const result = await builder.buildNow('resolved');
    if (!result.ok) throw new Error(result.error);
    dir = result.dir;
    expect(() => read('incidents/inc-outage/notice/index.html')).toThrow();
    expect((await call('/incidents/inc-outage/notice/')).status).toBe(404);
    expect(read('incidents/inc-outage/index.html')).not.toContain('/notice/');
    expect(child(parseStrictXml(read('badge.svg')), 'title').text).not.toContain('Major Service Outage');
    expect(read('widget/index.html')).not.toContain('Passport system outage at Nyayo House');
  }, 120_000);
});
