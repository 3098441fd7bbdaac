import type { FeedEntryView, SiteSnapshot } from '../../api/site/build/site-snapshot';
import { isolateBidi } from '../../api/text/isolate-bidi';
import { localName } from '../i18n/local-name';
import { languagePrefix } from '../i18n/page-paths';
import { pickStrings, type Language } from '../i18n/strings';
import { xmlText } from './xml-text';

// The latest incidents as Atom and RSS, in English (/history.atom) or Swahili (/sw/history.atom):
// one entry per incident, its published updates newest first, each with its status and its time
// in words (Nairobi time, the language's month names); a Swahili entry shows the Swahili name and
// notice where staff wrote one. Written by hand rather than with a feed library, because
// every field must be escaped text: the `feed` package wraps titles and bodies in CDATA, lets a
// second "]]>" end it (so strict readers reject the feed and loose ones may run markup) and
// declares titles as HTML. Staff text is isolated (api/text/isolate-bidi.ts): readers show titles
// among their own words.

/** A feed reader shows the time out of the page's context: the day and month in full words. */
const feedTime = (iso: string, locale: string, zoneName: string) =>
  `${new Intl.DateTimeFormat(locale, {
    timeZone: 'Africa/Nairobi',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))} ${zoneName}`;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An entry's text: the title and summary as plain text, the timeline as HTML (not yet XML-escaped). */
function entryTexts(entry: FeedEntryView, language: Language) {
  const strings = pickStrings(language);
  const body = (update: FeedEntryView['updates'][number]) => (language === 'sw' && update.bodySw) || update.body;
  const summary = entry.updates[0] ? body(entry.updates[0]) : localName(entry, language);
  const timeline = entry.updates
    .map((u) => {
      const time = feedTime(u.publishedAt, strings.locale, strings.zoneName);
      return `<p><strong>${strings.incidentStatus[u.status]}</strong> (${escapeHtml(time)})<br>${escapeHtml(isolateBidi(body(u)))}</p>`;
    })
    .join('');
  const path = `${languagePrefix(language)}/incidents/${entry.id}/`;
  return { path, title: isolateBidi(localName(entry, language)), summary: isolateBidi(summary), timeline };
}

const feedTitle = (snapshot: SiteSnapshot, language: Language) => `${snapshot.page.name}: ${pickStrings(language).history}`;
const lastUpdated = (snapshot: SiteSnapshot) => new Date(snapshot.feed[0]?.updatedAt ?? '1970-01-01T00:00:00.000Z');

/** The feed as Atom 1.0 (RFC 4287): titles and summaries as text, the timeline as escaped HTML. */
export function historyAtom(snapshot: SiteSnapshot, language: Language): string {
  const base = snapshot.page.url;
  const prefix = languagePrefix(language);
  const entries = snapshot.feed.map((entry) => {
    const texts = entryTexts(entry, language);
    const link = xmlText(`${base}${texts.path}`);
    return `  <entry>
    <title type="text">${xmlText(texts.title)}</title>
    <id>${link}</id>
    <link rel="alternate" href="${link}"/>
    <updated>${new Date(entry.updatedAt).toISOString()}</updated>
    <published>${new Date(entry.publishedAt).toISOString()}</published>
    <summary type="text">${xmlText(texts.summary)}</summary>
    <content type="html">${xmlText(texts.timeline)}</content>
  </entry>
`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">
  <id>${xmlText(`${base}${prefix}/`)}</id>
  <title type="text">${xmlText(feedTitle(snapshot, language))}</title>
  <subtitle type="text">${xmlText(pickStrings(language).historyIntro)}</subtitle>
  <updated>${lastUpdated(snapshot).toISOString()}</updated>
  <author><name>${xmlText(snapshot.page.name)}</name></author>
  <link rel="alternate" href="${xmlText(`${base}${prefix}/history/`)}"/>
  <link rel="self" href="${xmlText(`${base}${prefix}/history.atom`)}"/>
  <rights type="text">${xmlText(snapshot.page.name)}</rights>
${entries.join('')}</feed>
`;
}

/**
 * The feed as RSS 2.0: titles as text, description and content:encoded as escaped HTML. Dates in
 * pubDate stay RFC 822 (English day and month abbreviations) in both languages, as RSS requires.
 */
export function historyRss(snapshot: SiteSnapshot, language: Language): string {
  const base = snapshot.page.url;
  const prefix = languagePrefix(language);
  const items = snapshot.feed.map((entry) => {
    const texts = entryTexts(entry, language);
    const link = xmlText(`${base}${texts.path}`);
    return `    <item>
      <title>${xmlText(texts.title)}</title>
      <link>${link}</link>
      <guid isPermaLink="false">${link}</guid>
      <pubDate>${new Date(entry.publishedAt).toUTCString()}</pubDate>
      <description>${xmlText(escapeHtml(texts.summary))}</description>
      <content:encoded>${xmlText(texts.timeline)}</content:encoded>
    </item>
`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>${xmlText(feedTitle(snapshot, language))}</title>
    <link>${xmlText(`${base}${prefix}/history/`)}</link>
    <description>${xmlText(pickStrings(language).historyIntro)}</description>
    <language>${language}</language>
    <lastBuildDate>${lastUpdated(snapshot).toUTCString()}</lastBuildDate>
    <copyright>${xmlText(snapshot.page.name)}</copyright>
    <atom:link href="${xmlText(`${base}${prefix}/history.rss`)}" rel="self" type="application/rss+xml"/>
${items.join('')}  </channel>
</rss>
`;
}
