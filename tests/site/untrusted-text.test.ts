import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteBuilder, type SiteBuilder } from '../../api/site/build/site-builder';
import { createTestContext, type TestContext } from '../support/test-context';
import { insertComponent, insertIncident } from './insert-published-data';
import { allElements, child, parseStrictXml, type XmlElement } from './parse-strict-xml';

// Staff-entered text is published as it was typed. These checks build the real site from a real
// database holding hostile text and read the files a browser or feed reader would get.

const FSI = '\u2068';
const PDI = '\u2069';
const RLO = '\u202E';
const PDF = '\u202C';

const hostile = {
  name: `Outage <script>alert(1)</script> ]]> & "both" 'quotes' <![CDATA[ x ]]> \u0001\u0007\u001B end ${RLO}gnp.exe`,
  body: `Printers <script>alert(1)</script> failed ]]> again ]]> & <![CDATA[ \u0008 ${RLO}txet${PDF} done`,
};
// What a reader must get back: the same characters, as text, minus the C0 controls XML 1.0 cannot
// carry at all and the override; each piece isolated (FSI … PDI) from what the reader puts around it.
const hostileTitle = `${FSI}Outage <script>alert(1)</script> ]]> & "both" 'quotes' <![CDATA[ x ]]>  end gnp.exe${PDI}`;
const hostileBody = `${FSI}Printers <script>alert(1)</script> failed ]]> again ]]> & <![CDATA[  txet done${PDI}`;
const hostileBodyAsHtml = `${FSI}Printers &lt;script&gt;alert(1)&lt;/script&gt; failed ]]&gt; again ]]&gt; &amp; &lt;![CDATA[  txet done${PDI}`;

let t: TestContext;
let builder: SiteBuilder;
let dir: string;
const read = (file: string) => readFileSync(join(dir, file), 'utf8');

beforeAll(async () => {
  t = await createTestContext({ PUBLIC_URL: 'https://status.example.go.ke', STATUS_PAGE_NAME: 'Immigration Services Status' });
  await insertComponent(t.db, { id: 'cmp-col', name: `Passport ${RLO}noitcelloc` });
  await insertIncident(t.db, {
    id: 'inc-hostile',
    name: hostile.name,
    status: 'resolved',
    updates: [
      { id: 'upd-h1', status: 'investigating', body: 'First update.', at: '2026-11-20T06:00:00.000Z' },
      { id: 'upd-h2', status: 'resolved', body: hostile.body, at: '2026-11-20T08:00:00.000Z' },
    ],
  });
  await insertIncident(t.db, {
    id: 'inc-rlo',
    name: `Closed until ${RLO}10/21`,
    status: 'identified',
    affected: { 'cmp-col': 'major_outage' },
    updates: [
      {
        id: 'upd-r1',
        status: 'identified',
        body: `Come back on ${RLO}the 3rd${PDF} or call us`,
        bodySw: `Rudi tarehe ${RLO}3${PDF} au utupigie simu`,
        components: { 'cmp-col': 'major_outage' },
        at: '2026-11-24T06:00:00.000Z',
      },
    ],
  });
  builder = createSiteBuilder(t.config, t.db, { log: () => {} });
  const result = await builder.buildNow('test');
  if (!result.ok) throw new Error(result.error);
  dir = result.dir;
}, 120_000);
afterAll(() => {
  builder.close();
  t.close();
});

const entryFor = (entries: XmlElement[], idSuffix: string) => {
  const found = entries.find((e) => e.children.some((c) => (c.local === 'id' || c.local === 'guid') && c.text.endsWith(`/incidents/${idSuffix}/`)));
  if (!found) throw new Error(`no feed entry for ${idSuffix}`);
  return found;
};

describe('the feeds, with hostile text in an incident', () => {
  it('/history.atom is well-formed XML whose title and summary read back as the text staff typed', () => {
    const feed = parseStrictXml(read('history.atom'));
    expect(feed.local).toBe('feed');
    const entry = entryFor(feed.children.filter((c) => c.local === 'entry'), 'inc-hostile');
    expect(child(entry, 'title').attributes.type).toBe('text');
    expect(child(entry, 'title').text).toBe(hostileTitle);
    expect(child(entry, 'summary').attributes.type).toBe('text');
    expect(child(entry, 'summary').text).toBe(hostileBody);
    const content = child(entry, 'content');
    expect(content.attributes.type).toBe('html');
    expect(content.text).toContain(hostileBodyAsHtml);
    expect(content.text).not.toContain('<script');
    expect(allElements(feed).filter((e) => e.local === 'script')).toEqual([]);
  });

  it('/history.rss is well-formed XML whose title reads back as text and whose HTML holds the body as text', () => {
    const rss = parseStrictXml(read('history.rss'));
    expect(rss.local).toBe('rss');
    const item = entryFor(child(rss, 'channel').children.filter((c) => c.local === 'item'), 'inc-hostile');
    expect(child(item, 'title').text).toBe(hostileTitle);
    expect(child(item, 'description').text).toBe(hostileBodyAsHtml);
    expect(child(item, 'encoded').text).toContain(hostileBodyAsHtml);
    expect(child(item, 'encoded').text).not.toContain('<script');
    expect(allElements(rss).filter((e) => e.local === 'script')).toEqual([]);
  });

  it('isolates a right-to-left override in the feeds too', () => {
    const atom = parseStrictXml(read('history.atom'));
    const entry = entryFor(atom.children.filter((c) => c.local === 'entry'), 'inc-rlo');
    expect(child(entry, 'title').text).toBe(`${FSI}Closed until 10/21${PDI}`);
    expect(read('history.atom')).not.toContain(RLO);
    expect(read('history.rss')).not.toContain(RLO);
  });
});

describe('the pages, with a right-to-left override in staff text', () => {
  it('isolates the incident name, the update bodies and the component name on the incident page', () => {
    const html = read('incidents/inc-rlo/index.html');
    expect(html).not.toContain(RLO);
    expect(html).not.toContain(PDF);
    expect(html).toContain('<h1><bdi>Closed until 10/21</bdi></h1>');
    expect(html).toContain('<bdi>Come back on the 3rd or call us</bdi>');
    expect(html).toContain('<bdi>Rudi tarehe 3 au utupigie simu</bdi>');
    expect(html).toContain('<bdi>Passport noitcelloc</bdi>');
    expect(html).toContain(`<title>${FSI}Closed until 10/21${PDI} · Immigration Services Status</title>`);
  });

  it('isolates them on the home pages and in the history', () => {
    for (const file of ['index.html', 'sw/index.html', 'history/index.html', 'sw/incidents/inc-rlo/index.html']) {
      const html = read(file);
      expect(html, file).not.toContain(RLO);
      expect(html, file).toContain('<bdi>Closed until 10/21</bdi>');
    }
    expect(read('index.html')).toContain('<bdi>Come back on the 3rd or call us</bdi>');
    expect(read('index.html')).toContain('<bdi>Passport noitcelloc</bdi>');
  });

  it('shows hostile markup as text, never as an element', () => {
    const html = read('incidents/inc-hostile/index.html');
    // Inside a quoted attribute "<script>" is only characters; anywhere else it would be an element.
    const description = `<meta name="description" content="${FSI}Printers <script>alert(1)</script> failed ]]> again ]]> &#38; <![CDATA[  txet done${PDI}">`;
    expect(html).toContain(description);
    expect(html.replace(description, '')).not.toContain('<script');
    expect(html).toContain('<bdi>Printers &lt;script&gt;alert(1)&lt;/script&gt; failed');
  });
});
