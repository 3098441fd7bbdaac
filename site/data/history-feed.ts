import type { FeedEntryView, SiteSnapshot } from '../../api/site/build/site-snapshot';
import { isolateBidi } from '../../api/text/isolate-bidi';
import { en } from '../i18n/en';
import { xmlText } from './xml-text';

// The latest incidents as Atom and RSS: one entry per incident, its published updates newest
// first, each with its status and time. Written by hand rather than with a feed library, because
// every field must be escaped text: the `feed` package wraps titles and bodies in CDATA, lets a
// second "]]>" end it (so strict readers reject the feed and loose ones may run markup) and
// declares titles as HTML. Staff text is isolated (api/text/isolate-bidi.ts): readers show titles
// among their own words.

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An entry's text: the title and summary as plain text, the timeline as HTML (not yet XML-escaped). */
function entryTexts(entry: FeedEntryView) {
  const summary = entry.updates[0]?.body ?? entry.name;
  const timeline = entry.updates
    .map((u) => `<p><strong>${en.incidentStatus[u.status]}</strong> (${u.publishedAt})<br>${escapeHtml(isolateBidi(u.body))}</p>`)
    .join('');
  return { path: `/incidents/${entry.id}/`, title: isolateBidi(entry.name), summary: isolateBidi(summary), timeline };
}

const feedTitle = (snapshot: SiteSnapshot) => `${snapshot.page.name}: ${en.history}`;
const lastUpdated = (snapshot: SiteSnapshot) => new Date(snapshot.feed[0]?.updatedAt ?? '1970-01-01T00:00:00.000Z');

/** The feed as Atom 1.0 (RFC 4287): titles and summaries as text, the timeline as escaped HTML. */
export function historyAtom(snapshot: SiteSnapshot): string {
  const base = snapshot.page.url;
  const entries = snapshot.feed.map((entry) => {
    const texts = entryTexts(entry);
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
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${xmlText(`${base}/`)}</id>
  <title type="text">${xmlText(feedTitle(snapshot))}</title>
  <subtitle type="text">${xmlText(en.historyIntro)}</subtitle>
  <updated>${lastUpdated(snapshot).toISOString()}</updated>
  <author><name>${xmlText(snapshot.page.name)}</name></author>
  <link rel="alternate" href="${xmlText(`${base}/history/`)}"/>
  <link rel="self" href="${xmlText(`${base}/history.atom`)}"/>
  <rights type="text">${xmlText(snapshot.page.name)}</rights>
${entries.join('')}</feed>
`;
}

/** The feed as RSS 2.0: titles as text, description and content:encoded as escaped HTML. */
export function historyRss(snapshot: SiteSnapshot): string {
  const base = snapshot.page.url;
  const items = snapshot.feed.map((entry) => {
    const texts = entryTexts(entry);
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
    <title>${xmlText(feedTitle(snapshot))}</title>
    <link>${xmlText(`${base}/history/`)}</link>
    <description>${xmlText(en.historyIntro)}</description>
    <language>en</language>
    <lastBuildDate>${lastUpdated(snapshot).toUTCString()}</lastBuildDate>
    <copyright>${xmlText(snapshot.page.name)}</copyright>
    <atom:link href="${xmlText(`${base}/history.rss`)}" rel="self" type="application/rss+xml"/>
${items.join('')}  </channel>
</rss>
`;
}
