import { describe, expect, it } from 'vitest';
import { homeView } from '../../../api/site/build/home-view';
import { planSiteBuild, type PageManifest } from '../../../api/site/build/plan-site-build';
import type { SiteRead } from '../../../api/site/build/read-site-changes';
import { applySiteRead, createSiteModel, type SiteModel } from '../../../api/site/build/site-model';
import { historyPageSize, historyPageViews, latestHistoryView } from '../../../api/site/build/site-views';
import { assemblePublishedData } from '../../../api/status/assemble-published-data';
import type { PublishedRows } from '../../../api/status/published-rows';
import { statuspageDocuments } from '../../../api/status/statuspage-documents';

const identity = { name: 'Immigration Services Status', publicUrl: 'https://status.example.go.ke' };
const day = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString();
const now = new Date(day(400));

type Varied = { open?: (i: number) => boolean; maintenance?: (i: number) => boolean };

/**
 * `count` incidents, one a day, each with one published update, on one component; resolved the
 * day they started unless `open` says otherwise, maintenances where `maintenance` says so.
 */
function rows(count: number, componentName = 'Passport collection', varied: Varied = {}): PublishedRows {
  const incidents = Array.from({ length: count }, (_, i) => {
    const open = varied.open?.(i) ?? false;
    const maintenance = varied.maintenance?.(i) ?? false;
    return {
      id: `inc-${String(i).padStart(5, '0')}`,
      kind: maintenance ? ('maintenance' as const) : ('incident' as const),
      name: `Incident ${i}`,
      nameSw: null,
      status: open ? (maintenance ? ('in_progress' as const) : ('identified' as const)) : maintenance ? ('completed' as const) : ('resolved' as const),
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
      resolvedAt: open ? null : day(i + 0.5),
    };
  });
  return {
    components: [
      { id: 'cmp', name: componentName, nameSw: null, description: null, groupId: null, position: 1, status: 'operational', service: null, officeCode: null, showcase: true, onlyShowIfDegraded: false, startDate: null, createdAt: day(0), updatedAt: day(0) },
    ],
    groups: [],
    incidents,
    incidentComponents: incidents.map((i) => ({ incidentId: i.id, componentId: 'cmp', status: i.resolvedAt ? ('operational' as const) : ('major_outage' as const) })),
    updates: incidents.map((i) => ({
      id: `${i.id}-u`,
      incidentId: i.id,
      state: 'published' as const,
      status: i.status,
      body: `Update on ${i.name}.`,
      bodySw: null,
      components: { cmp: 'partial_outage' as const },
      publishedAt: i.publishedAt,
    })),
  };
}

/** What a build reads with a cursor: the components, and only the changed incidents' rows. */
function partialRead(all: PublishedRows, changed: string[]): SiteRead {
  const only = new Set(changed);
  return {
    cursor: 2,
    changed,
    rows: {
      components: all.components,
      groups: all.groups,
      incidents: all.incidents.filter((i) => only.has(i.id)),
      incidentComponents: all.incidentComponents.filter((l) => only.has(l.incidentId)),
      updates: all.updates.filter((u) => only.has(u.incidentId)),
    },
  };
}

function fullModel(all: PublishedRows): SiteModel {
  const model = createSiteModel();
  applySiteRead(model, { cursor: 1, changed: null, rows: all }, now);
  return model;
}

/** A first build of `all`, and the served manifest it leaves. */
function firstBuild(all: PublishedRows) {
  const model = fullModel(all);
  const plan = planSiteBuild(model, identity, null, null, now);
  return { model, plan, manifest: plan.pages };
}

/** Patches the model with the changed incidents of `all` and plans against `manifest`, which it then updates as a good build would. */
function nextBuild(model: SiteModel, manifest: PageManifest, all: PublishedRows, changed: string[]) {
  const changes = applySiteRead(model, partialRead(all, changed), now);
  const plan = planSiteBuild(model, identity, manifest, changes, now);
  for (const [file, hash] of plan.pages) manifest.set(file, hash);
  for (const file of plan.remove) manifest.delete(file);
  return plan;
}

const ids = (count: number) => Array.from({ length: count }, (_, i) => `inc-${String(i).padStart(5, '0')}`);

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
    const { plan } = firstBuild(rows(60));
    expect(plan.snapshot.incidentPages).toHaveLength(60);
    expect(plan.snapshot.historyPages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(plan.complete).toBe(true);
    expect(plan.render.size).toBe(plan.pageCount);
    expect(plan.pageCount).toBe(60 * 2 + 3 * 2);
  });

  it('after one new incident renders only its page and the newest history page', () => {
    const { model, manifest } = firstBuild(rows(60));
    const second = nextBuild(model, manifest, rows(61), ['inc-00060']);
    expect(second.complete).toBe(false);
    expect(second.snapshot.incidentPages.map((p) => p.id)).toEqual(['inc-00060']);
    expect(second.snapshot.historyPages.map((p) => p.number)).toEqual([3]);
    expect([...second.render].sort()).toEqual(['history/3/index.html', 'incidents/inc-00060/index.html', 'sw/history/3/index.html', 'sw/incidents/inc-00060/index.html']);
    // 60 unchanged (resolved, so noticeless) incidents and 2 unchanged history pages, each in English and Swahili.
    expect(second.pageCount - second.render.size).toBe(60 * 2 + 2 * 2);
    // Only what changed was looked at at all.
    expect(second.pages.size).toBe(4);
  });

  it('re-renders the previous newest page when a new history page begins', () => {
    const { model, manifest } = firstBuild(rows(historyPageSize * 2));
    const next = nextBuild(model, manifest, rows(historyPageSize * 2 + 1), ['inc-00050']);
    expect(next.snapshot.historyPages.map((p) => p.number)).toEqual([2, 3]);
  });

  it('re-renders incident pages that show a renamed component', () => {
    const { model, manifest } = firstBuild(rows(10));
    const renamed = nextBuild(model, manifest, rows(10, 'Passport collection (Nyayo House)'), []);
    expect(renamed.snapshot.incidentPages).toHaveLength(10);
  });

  it('renders nothing again when nothing changed', () => {
    const { model, manifest } = firstBuild(rows(30));
    const again = nextBuild(model, manifest, rows(30), []);
    expect(again.snapshot.incidentPages).toEqual([]);
    expect(again.snapshot.historyPages).toEqual([]);
    expect(again.snapshot.historyLatest.items).toHaveLength(30);
    // An update to an incident that changes nothing it shows renders nothing either.
    const touched = nextBuild(model, manifest, rows(30), ['inc-00003']);
    expect(touched.render.size).toBe(0);
  });

  it('drops the pages of an incident taken down, and re-renders the history pages after it', () => {
    const { model, manifest } = firstBuild(rows(60));
    const all = rows(60);
    const without = { ...all, incidents: all.incidents.filter((i) => i.id !== 'inc-00030') };
    const plan = nextBuild(model, manifest, without, ['inc-00030']);
    expect(plan.remove.sort()).toEqual(['incidents/inc-00030/index.html', 'sw/incidents/inc-00030/index.html']);
    expect(plan.snapshot.historyPages.map((p) => p.number)).toEqual([2, 3]);
    expect(plan.pageCount).toBe(59 * 2 + 3 * 2);
  });

  it('drops the door notice once an incident closes', () => {
    const { model, manifest } = firstBuild(rows(5, undefined, { open: (i) => i === 4 }));
    expect(manifest.has('incidents/inc-00004/notice/index.html')).toBe(true);
    const plan = nextBuild(model, manifest, rows(5), ['inc-00004']);
    expect(plan.remove).toEqual(['incidents/inc-00004/notice/index.html']);
    expect(plan.render.has('incidents/inc-00004/index.html')).toBe(true);
  });

  it('patched build after build, plans the same site as a read of everything', () => {
    const varied: Varied = { open: (i) => i % 37 === 0 || i > 395, maintenance: (i) => i % 5 === 0 };
    let all = rows(300, undefined, varied);
    const { model, manifest } = firstBuild(all);
    const steps: { all: PublishedRows; changed: string[] }[] = [
      // New incidents, one of them open.
      { all: rows(398, undefined, varied), changed: ids(398).slice(300) },
      // One closes; one in the middle is taken down; one old one gets a new update.
      {
        all: (() => {
          const next = rows(398, undefined, { ...varied, open: (i) => i % 37 === 0 || i > 396 });
          return {
            ...next,
            incidents: next.incidents.filter((i) => i.id !== 'inc-00150'),
            updates: [...next.updates, { id: 'late', incidentId: 'inc-00010', state: 'published' as const, status: 'resolved' as const, body: 'Late note.', bodySw: null, components: {}, publishedAt: day(399) }],
          };
        })(),
        changed: ['inc-00396', 'inc-00150', 'inc-00010'],
      },
    ];
    for (const step of steps) {
      all = step.all;
      const plan = nextBuild(model, manifest, all, step.changed);
      const reference = firstBuild(all).plan;
      expect(new Map([...manifest].sort())).toEqual(new Map([...reference.pages].sort()));
      const { incidentPages: _i, historyPages: _h, ...summary } = plan.snapshot;
      const { incidentPages: _ri, historyPages: _rh, ...referenceSummary } = reference.snapshot;
      expect(summary).toEqual(referenceSummary);
      // The home page and the JSON are made from a few incidents; they must say what all of them say.
      const data = assemblePublishedData(all);
      const names = new Map(data.components.map((c) => [c.id, { name: c.name, nameSw: c.nameSw }]));
      expect(plan.snapshot.statuspage).toEqual(statuspageDocuments(data, identity));
      expect(plan.snapshot.home).toEqual(homeView(data, names, now));
      // …and were made from fewer than all: the open ones, the recent ones and the latest of each kind.
      expect(plan.snapshot.home.current.length).toBeGreaterThan(1);
      expect(model.live.size).toBeLessThan(model.incidents.size / 2);
    }
  });
});
