import { Feed } from 'feed';
import type { SiteSnapshot } from '../../api/site/site-snapshot';
import { en } from '../i18n/en';

// Bodies are plain text; the feed's content is HTML, so markup in a body must stay text.
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The latest incidents as a feed (Atom and RSS from the same data): one entry per incident,
 * its published updates newest first, each with its status and time.
 */
export function historyFeed(snapshot: SiteSnapshot): Feed {
  const base = snapshot.page.url;
  const latest = snapshot.feed[0]?.updatedAt ?? '1970-01-01T00:00:00.000Z';
  const feed = new Feed({
    title: `${snapshot.page.name}: ${en.history}`,
    description: en.historyIntro,
    id: `${base}/`,
    link: `${base}/history/`,
    language: 'en',
    updated: new Date(latest),
    copyright: snapshot.page.name,
    feedLinks: { atom: `${base}/history.atom`, rss: `${base}/history.rss` },
  });
  for (const entry of snapshot.feed) {
    const paragraphs = entry.updates.map((u) => `<p><strong>${en.incidentStatus[u.status]}</strong> (${u.publishedAt})<br>${escapeHtml(u.body)}</p>`);
    feed.addItem({
      title: entry.name,
      id: `${base}/incidents/${entry.id}/`,
      link: `${base}/incidents/${entry.id}/`,
      date: new Date(entry.updatedAt),
      published: new Date(entry.publishedAt),
      description: entry.updates[0]?.body ?? entry.name,
      content: paragraphs.join(''),
    });
  }
  return feed;
}
