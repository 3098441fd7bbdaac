import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteBuilder, type SiteBuilder } from '../../api/site/build/site-builder';
import { createTestContext, type TestContext } from '../support/test-context';
import { insertDemoScenario, secretTexts } from './demo-scenario';
import { documents } from './statuspage-schemas';

// One real build (Astro, from a real SQLite file) that every check below reads.
let t: TestContext;
let builder: SiteBuilder;
let dir: string;
const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const json = (file: string) => JSON.parse(read(`api/v2/${file}`));

beforeAll(async () => {
  t = await createTestContext({ PUBLIC_URL: 'https://status.example.go.ke', STATUS_PAGE_NAME: 'Immigration Services Status' });
  await insertDemoScenario(t.db);
  builder = createSiteBuilder(t.config, t.db, { log: () => {} });
  const result = await builder.buildNow('test');
  if (!result.ok) throw new Error(result.error);
  dir = result.dir;
}, 120_000);
afterAll(() => {
  builder.close();
  t.close();
});

describe('the built site', () => {
  it('holds the public pages, feeds, data and stylesheet, and nothing else', () => {
    expect(readdirSync(dir).sort()).toEqual([
      'api', 'appointment', 'badge', 'badge.svg', 'hali.css', 'history', 'history.atom', 'history.rss', 'incidents', 'index.html', 'notice.css', 'subscribe', 'sw', 'widget', 'widget.css',
    ]);
    expect(readdirSync(join(dir, 'api/v2'), { recursive: true }).sort()).toEqual([
      'components.json',
      'incidents',
      'incidents.json',
      'incidents/unresolved.json',
      'scheduled-maintenances',
      'scheduled-maintenances.json',
      'scheduled-maintenances/active.json',
      'scheduled-maintenances/upcoming.json',
      'status.json',
      'summary.json',
    ]);
  });

  it('never contains draft, unapproved or unpublished text in any file', () => {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(10);
    for (const entry of files) {
      const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      for (const secret of Object.values(secretTexts)) expect(text, `${entry.name} leaks "${secret}"`).not.toContain(secret);
      expect(text).not.toContain('tok-drafter');
    }
  });

  it('shows the outage on the home page: banner, component status in words, latest update, restoration', () => {
    const html = read('index.html');
    expect(html).toContain('<html lang="en"');
    expect(html).toMatch(/<h1[^>]*>Major Service Outage<\/h1>/);
    expect(html).toContain('Passport system outage at Nyayo House');
    expect(html).toMatch(/Passport application receiving<\/bdi><\/span> <span class="st st-major_outage">Major outage<\/span>/);
    expect(html).toContain('The passport printing system failed.');
    expect(html).not.toContain('We cannot receive passport applications at Nyayo House today.');
    expect(html).toContain('<time datetime="2026-11-30">Monday, 30 November 2026</time>');
    expect(html).toContain('<time datetime="2026-11-24T09:15:00.000Z">Tue, 24 Nov 2026, 12:15 EAT (Nairobi time)</time>');
    expect(html).toContain('Planned upgrade of the payment gateway');
    expect(html).not.toContain('<script');
  });

  it('has a Swahili home page with the Swahili notice', () => {
    const html = read('sw/index.html');
    expect(html).toContain('<html lang="sw"');
    expect(html).toContain('Hitilafu kubwa katika huduma');
    expect(html).toContain('Mfumo wa kuchapisha pasipoti umeharibika.');
    expect(html).toContain('Haipatikani');
    expect(html).toContain('Jumatatu, 30 Novemba 2026');
  });

  it('has an incident page with the whole published timeline, newest first', () => {
    const html = read('incidents/inc-outage/index.html');
    const first = html.indexOf('We cannot receive passport applications');
    const second = html.indexOf('The passport printing system failed.');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    expect(second).toBeLessThan(first);
    expect(html).toContain('lang="sw"');
    expect(readdirSync(join(dir, 'incidents')).sort()).toEqual(['inc-old', 'inc-outage', 'mnt-planned']);
  });

  it('has each incident page in Swahili too, Swahili first, linked from the Swahili home page', () => {
    const html = read('sw/incidents/inc-outage/index.html');
    expect(html).toContain('<html lang="sw"');
    const swahili = html.indexOf('Mfumo wa kuchapisha pasipoti umeharibika.');
    const english = html.indexOf('The passport printing system failed.');
    expect(swahili).toBeGreaterThan(0);
    expect(english).toBeGreaterThan(swahili);
    // An update without a Swahili text is still there, in English.
    expect(html).toContain('We cannot receive passport applications');
    expect(html).toContain('href="/incidents/inc-outage/"');
    expect(read('sw/index.html')).toContain('href="/sw/incidents/inc-outage/"');
    expect(read('incidents/inc-outage/index.html')).toContain('href="/sw/incidents/inc-outage/"');
  });

  it('lists history newest first with feeds carrying the published incidents', () => {
    const history = read('history/index.html');
    expect(history.indexOf('Passport system outage at Nyayo House')).toBeLessThan(history.indexOf('Slow collection at Mombasa'));
    expect(read('history/1/index.html')).toContain('Slow collection at Mombasa');
    const atom = read('history.atom');
    expect(atom).toMatch(/^<\?xml/);
    expect(atom.match(/<entry>/g)).toHaveLength(3);
    expect(atom).toContain('https://status.example.go.ke/incidents/inc-outage/');
    const rss = read('history.rss');
    expect(rss.match(/<item>/g)).toHaveLength(3);
  });

  it('publishes every Statuspage v2 document with Statuspage field names, types and enums', () => {
    for (const [file, schema] of Object.entries(documents)) {
      const parsed = schema.safeParse(json(file));
      expect(parsed.error?.issues ?? [], file).toEqual([]);
    }
  });

  it('fills the Statuspage documents from published data only', () => {
    const summary = json('summary.json');
    expect(summary.page).toMatchObject({ name: 'Immigration Services Status', url: 'https://status.example.go.ke', time_zone: 'Africa/Nairobi' });
    expect(summary.status).toEqual({ indicator: 'critical', description: 'Major Service Outage' });
    expect(summary.incidents.map((i: { id: string }) => i.id)).toEqual(['inc-outage']);
    expect(summary.incidents[0].incident_updates.map((u: { id: string }) => u.id)).toEqual(['upd-2', 'upd-1']);
    expect(summary.incidents[0].incident_updates[1].affected_components).toEqual([
      { code: 'cmp-nyh-app', name: 'Passport application receiving', old_status: 'operational', new_status: 'major_outage' },
    ]);
    const group = summary.components.find((c: { id: string }) => c.id === 'grp-nyh');
    expect(group).toMatchObject({ group: true, status: 'major_outage', components: ['cmp-nyh-app', 'cmp-nyh-col'] });
    expect(json('incidents.json').incidents.map((i: { id: string }) => i.id)).toEqual(['inc-outage', 'inc-old']);
    expect(json('scheduled-maintenances/upcoming.json').scheduled_maintenances.map((m: { id: string }) => m.id)).toEqual(['mnt-planned']);
    expect(json('scheduled-maintenances/active.json').scheduled_maintenances).toEqual([]);
  });
});
