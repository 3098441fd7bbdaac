import { describe, expect, it } from 'vitest';
import { planSiteBuild } from '../../../api/site/build/plan-site-build';
import { historyPageSize, historyPageViews, latestHistoryView } from '../../../api/site/build/site-views';
import { assemblePublishedData } from '../../../api/status/assemble-published-data';
import type { PublishedRows } from '../../../api/status/published-rows';

const identity = { name: 'Immigration Services Status', publicUrl: 'https://status.example.go.ke' };
const day = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString();

/** `count` resolved incidents, one a day, each with one published update, on one component. */
function rows(count: number, componentName = 'Passport collection'): PublishedRows {
  const incidents = Array.from({ length: count }, (_, i) => ({
    id: `inc-${String(i).padStart(5, '0')}`,
    kind: 'incident' as const,
    name: `Incident ${i}`,
    nameSw: null,
    status: 'resolved' as const,
    impact: 'minor' as const,
    disruptionFrom: null,
    expectedRestoration: null,
    scheduledFor: null,
    scheduledUntil: null,
    postmortem: null,
    postmortemPublishedAt: null,
    publishedAt: day(i),
    startedAt: day(i),
    monitoringAt: null,
    resolvedAt: day(i),
  }));
  return {
    components: [
      { id: 'cmp', name: componentName, nameSw: null, description: null, groupId: null, position: 1, status: 'operational', service: null, officeCode: null, showcase: true, onlyShowIfDegraded: false, startDate: null, createdAt: day(0), updatedAt: day(0) },
    ],
    groups: [],
    incidents,
    incidentComponents: incidents.map((i) => ({ incidentId: i.id, componentId: 'cmp', status: 'operational' as const })),
    updates: incidents.map((i) => ({ id: `${i.id}-u`, incidentId: i.id, state: 'published' as const, status: 'resolved' as const, body: `Fixed (${i.name}).`, bodySw: null, components: {}, publishedAt: i.publishedAt })),
  };
}

const plan = (count: number, previous: ReturnType<typeof planSiteBuild> | null, componentName?: string) =>
  planSiteBuild(assemblePublishedData(rows(count, componentName)), identity, previous?.manifest ?? null);

describe('historyPageViews', () => {
  it('counts pages from the oldest and lists each page newest first', () => {
    const pages = historyPageViews(assemblePublishedData(rows(historyPageSize * 2 + 3)).incidents);
    expect(pages.map((p) => p.items.length)).toEqual([historyPageSize, historyPageSize, 3]);
    expect(pages[0].items[0].name).toBe(`Incident ${historyPageSize - 1}`);
    expect(pages[0].items.at(-1)?.name).toBe('Incident 0');
    expect(pages.map((p) => [p.newerPage, p.olderPage])).toEqual([
      [2, null],
      [3, 1],
      [null, 2],
    ]);
  });

  it('has one empty page when nothing was ever published', () => {
    expect(historyPageViews([])).toEqual([{ number: 1, newerPage: null, olderPage: null, items: [] }]);
  });
});

describe('latestHistoryView', () => {
  const latest = (count: number) => latestHistoryView(historyPageViews(assemblePublishedData(rows(count)).incidents));

  it('joins a nearly empty newest page with the one before it, linking past both', () => {
    const view = latest(historyPageSize * 2 + 1);
    expect(view.items).toHaveLength(historyPageSize + 1);
    expect(view.items[0].name).toBe(`Incident ${historyPageSize * 2}`);
    expect(view.items.at(-1)?.name).toBe(`Incident ${historyPageSize}`);
    expect(view.olderPage).toBe(1);
    expect(view.newerPage).toBeNull();
  });

  it('shows a full newest page on its own', () => {
    const view = latest(historyPageSize * 2);
    expect(view.items).toHaveLength(historyPageSize);
    expect(view.olderPage).toBe(1);
  });

  it('shows everything when there is only one page', () => {
    const view = latest(3);
    expect(view.items.map((i) => i.name)).toEqual(['Incident 2', 'Incident 1', 'Incident 0']);
    expect(view.olderPage).toBeNull();
  });
});

describe('planSiteBuild', () => {
  it('renders everything when there is no previous build', () => {
    const first = plan(60, null);
    expect(first.snapshot.incidentPages).toHaveLength(60);
    expect(first.snapshot.historyPages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(first.reuse).toEqual([]);
  });

  it('after one new incident renders only its page and the newest history page', () => {
    const first = plan(60, null);
    const second = plan(61, first);
    expect(second.snapshot.incidentPages.map((p) => p.id)).toEqual(['inc-00060']);
    expect(second.snapshot.historyPages.map((p) => p.number)).toEqual([3]);
    expect(second.reuse).toContain('incidents/inc-00000/index.html');
    expect(second.reuse).toContain('sw/incidents/inc-00000/index.html');
    expect(second.reuse).toContain('history/1/index.html');
    expect(second.reuse).toContain('sw/history/1/index.html');
    // 60 unchanged (resolved, so noticeless) incidents and 2 unchanged history pages, each in English and Swahili.
    expect(second.reuse).toHaveLength(60 * 2 + 2 * 2);
  });

  it('re-renders the previous newest page when a new history page begins', () => {
    const full = plan(historyPageSize * 2, null);
    const next = plan(historyPageSize * 2 + 1, full);
    expect(next.snapshot.historyPages.map((p) => p.number)).toEqual([2, 3]);
  });

  it('re-renders incident pages that show a renamed component', () => {
    const first = plan(10, null);
    const renamed = plan(10, first, 'Passport collection (Nyayo House)');
    expect(renamed.snapshot.incidentPages).toHaveLength(10);
  });

  it('renders nothing again when nothing changed', () => {
    const first = plan(30, null);
    const again = plan(30, first);
    expect(again.snapshot.incidentPages).toEqual([]);
    expect(again.snapshot.historyPages).toEqual([]);
    expect(again.snapshot.historyLatest.items).toHaveLength(30);
  });
});
