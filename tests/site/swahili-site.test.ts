import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteBuilder, type SiteBuilder } from '../../api/site/build/site-builder';
import { en } from '../../site/i18n/en';
import { sw } from '../../site/i18n/sw';
import { createTestContext, type TestContext } from '../support/test-context';
import { textOutsideEnglish } from './page-text';
import { allElements, child, parseStrictXml } from './parse-strict-xml';
import { insertSwahiliDemoScenario, swahiliNames } from './swahili-demo-site';

// One real build of the demo outage, named in Swahili as well, read as a Swahili speaker would.
const siteName = 'Immigration Services Status';
const publicUrl = 'https://status.example.go.ke';
let t: TestContext;
let builder: SiteBuilder;
let dir: string;
const read = (file: string) => readFileSync(join(dir, file), 'utf8');

beforeAll(async () => {
  t = await createTestContext({ PUBLIC_URL: publicUrl, STATUS_PAGE_NAME: siteName });
  await insertSwahiliDemoScenario(t.db);
  builder = createSiteBuilder(t.config, t.db, { log: () => {} });
  const result = await builder.buildNow('test');
  if (!result.ok) throw new Error(result.error);
  dir = result.dir;
}, 120_000);
afterAll(() => {
  builder.close();
  t.close();
});

/** Every text of the English interface, except those Swahili writes the same way (names, "JSON"). */
function englishInterfaceStrings(): string[] {
  const texts = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];
  const { locale: _locale, otherLanguage: _other, languageName: _name, ...wording } = en;
  const swahili = new Set(texts(sw));
  return [...new Set(texts(wording))].filter((text) => !swahili.has(text));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English interface strings found in `text` as whole words, ignoring case. */
function englishLeftIn(text: string): string[] {
  return englishInterfaceStrings().filter((english) => new RegExp(`(?<![\\p{L}])${escapeRegExp(english)}(?![\\p{L}])`, 'iu').test(text));
}

const swahiliPages = () =>
  readdirSync(join(dir, 'sw'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => `sw/${file}`);

describe('the Swahili site', () => {
  it('has history pages and feeds at /sw/', () => {
    expect(swahiliPages()).toEqual(expect.arrayContaining(['sw/index.html', 'sw/history/index.html', 'sw/history/1/index.html', 'sw/incidents/inc-outage/index.html']));
    expect(readdirSync(join(dir, 'sw'))).toEqual(expect.arrayContaining(['history.atom', 'history.rss']));
  });

  it('leaves no English interface words on any Swahili page', () => {
    // The check itself must catch English: the English pages are full of it.
    expect(englishLeftIn(textOutsideEnglish(read('history/index.html')).replaceAll(siteName, ''))).toContain(en.history);
    expect(englishLeftIn(textOutsideEnglish(read('incidents/inc-outage/index.html')).replaceAll(siteName, ''))).toContain(en.affectedServices);
    const pages = swahiliPages();
    expect(pages.length).toBeGreaterThanOrEqual(6);
    for (const page of pages) {
      // The page's name is a proper noun, the same in both languages.
      const text = textOutsideEnglish(read(page)).replaceAll(siteName, '');
      expect(englishLeftIn(text), page).toEqual([]);
    }
  });

  it('names incidents and services in Swahili on the Swahili pages, and in English on the English ones', () => {
    const history = read('sw/history/index.html');
    expect(history).toContain('<html lang="sw"');
    for (const name of Object.values(swahiliNames.incidents)) expect(history).toContain(name);
    expect(history).toContain('href="/sw/incidents/inc-outage/"');
    expect(history).toContain(sw.incidentStatus.identified);
    const incident = read('sw/incidents/inc-outage/index.html');
    expect(incident).toContain(`<h1><bdi>${swahiliNames.incidents['inc-outage']}</bdi></h1>`);
    expect(incident).toContain(swahiliNames.components['cmp-nyh-app']);
    const english = read('history/index.html');
    expect(english).toContain('Passport system outage at Nyayo House');
    expect(english).not.toContain(swahiliNames.incidents['inc-outage']);
  });

  it('links every page to its counterpart in the other language, with hreflang and a visible switch', () => {
    const pairs = [
      ['index.html', '/', '/sw/'],
      ['history/index.html', '/history/', '/sw/history/'],
      ['history/1/index.html', '/history/1/', '/sw/history/1/'],
      ['incidents/inc-outage/index.html', '/incidents/inc-outage/', '/sw/incidents/inc-outage/'],
    ];
    for (const [file, englishPath, swahiliPath] of pairs) {
      for (const [own, language, other, otherLanguage] of [
        [file, 'en', swahiliPath, 'sw'],
        [`sw/${file}`, 'sw', englishPath, 'en'],
      ]) {
        const html = read(own);
        const selfPath = language === 'en' ? englishPath : swahiliPath;
        expect(html, own).toContain(`<link rel="alternate" hreflang="${language}" href="${publicUrl}${selfPath}">`);
        expect(html, own).toContain(`<link rel="alternate" hreflang="${otherLanguage}" href="${publicUrl}${other}">`);
        expect(html, own).toMatch(new RegExp(`<nav [^>]*>\\s*<a href="${escapeRegExp(other)}" lang="${otherLanguage}" hreflang="${otherLanguage}">`));
      }
    }
  });

  it('serves Swahili Atom and RSS feeds that a strict XML parser reads, with Swahili names, status words and month names', () => {
    const atom = parseStrictXml(read('sw/history.atom'));
    expect(atom.attributes['xml:lang']).toBe('sw');
    expect(child(atom, 'title').text).toBe(`${siteName}: ${sw.history}`);
    const entries = atom.children.filter((c) => c.local === 'entry');
    const outage = entries.find((e) => child(e, 'title').text.includes(swahiliNames.incidents['inc-outage']));
    if (!outage) throw new Error('no entry for the outage');
    expect(child(outage, 'link').attributes.href).toBe(`${publicUrl}/sw/incidents/inc-outage/`);
    expect(child(outage, 'summary').text).toContain('Mfumo wa kuchapisha pasipoti umeharibika.');
    const timeline = child(outage, 'content').text;
    expect(timeline).toContain(sw.incidentStatus.identified);
    expect(timeline).toContain('Jumanne, 24 Novemba 2026');
    expect(timeline).not.toContain(en.incidentStatus.identified);
    expect(timeline).not.toContain('November');

    const rss = parseStrictXml(read('sw/history.rss'));
    const channel = child(rss, 'channel');
    expect(child(channel, 'language').text).toBe('sw');
    expect(child(channel, 'link').text).toBe(`${publicUrl}/sw/history/`);
    const items = channel.children.filter((c) => c.local === 'item');
    expect(items.map((i) => child(i, 'title').text)).toEqual(expect.arrayContaining([expect.stringContaining(swahiliNames.incidents['inc-old'])]));
    const encoded = allElements(rss).filter((e) => e.local === 'encoded').map((e) => e.text).join('');
    expect(encoded).toContain(sw.incidentStatus.resolved);
    expect(encoded).toContain('Oktoba');
  });

  it('keeps the English feeds English', () => {
    const atom = parseStrictXml(read('history.atom'));
    expect(atom.attributes['xml:lang']).toBe('en');
    const content = allElements(atom).filter((e) => e.local === 'content').map((e) => e.text).join('');
    expect(content).toContain('Tuesday, 24 November 2026');
    expect(content).toContain(en.incidentStatus.identified);
    expect(content).not.toContain(swahiliNames.incidents['inc-outage']);
  });
});
