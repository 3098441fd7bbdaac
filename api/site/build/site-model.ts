import type { IncidentKind } from '../../../db/schema/constants';
import { publishedDataOf } from '../../status/assemble-published-data';
import { publicIncidents } from '../../status/public-incidents';
import type { PublicIncident, PublishedData } from '../../status/public-model';
import type { PublishedRows } from '../../status/published-rows';
import { uptimeDayCount } from '../../status/uptime';
import type { SiteRead } from './read-site-changes';
import { historyPageCount, historyPageOf, type ComponentNames } from './site-views';

// The published data, kept between builds and patched with what each build reads, so a publish
// costs what it changed: the incidents in the orders the pages need (publication for the history,
// last change for the feeds), and apart from them the few the home page and the Statuspage JSON
// look at. A fresh model (a new builder) is filled by one read of everything.

/** An array kept in order, changed by binary search: a publish moves one entry, not a sort of all. */
class SortedList<T> {
  items: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}

  /** Where `item` is or would go: the first place whose entry does not sort before it. */
  private place(item: T): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(this.items[middle], item) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  insert(item: T): number {
    const at = this.place(item);
    this.items.splice(at, 0, item);
    return at;
  }

  /** The place of an entry sorting equal to `item` (the same incident), or -1. */
  indexOf(item: T): number {
    const at = this.place(item);
    return at < this.items.length && this.compare(this.items[at], item) === 0 ? at : -1;
  }

  remove(item: T): number {
    const at = this.indexOf(item);
    if (at >= 0) this.items.splice(at, 1);
    return at;
  }

  reset(items: T[]): void {
    this.items = items.sort(this.compare);
  }
}

// The orders of api/status (public-incidents.ts and the feed's), so a patched list matches a full read.
const byPublication = (a: PublicIncident, b: PublicIncident) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id);
const byLastChange = (a: PublicIncident, b: PublicIncident) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);

/** How many of each kind the Statuspage JSON lists at most (incidents.json, scheduled-maintenances.json). */
const statuspageRecent = 50;
const dayMs = 86_400_000;

/**
 * Whether the home page or the Statuspage JSON may show the incident: still going on, planned,
 * not resolved, or closed recently enough to colour the uptime bars (the last 90 Nairobi days,
 * with two days to spare). Anything else only lives on its own pages, the history and the feeds.
 */
function isLive(incident: PublicIncident, cutoff: number): boolean {
  // Statuspage calls an incident unresolved in any status but `resolved` (even `completed`).
  if (incident.status !== 'resolved' && (incident.kind === 'incident' || incident.status !== 'completed')) return true;
  // Closing sets resolvedAt; one without it is kept, as its status spans may still reach today.
  return incident.resolvedAt === null || Date.parse(incident.resolvedAt) >= cutoff;
}

/** What a read changed, for the planner: incidents whose pages may differ, and history pages that may. */
export type ModelChanges = { incidents: Set<string>; historyPages: Set<number> };

export type SiteModel = {
  /** Where the next read starts; null: nothing read yet, the next read is of everything. */
  cursor: number | null;
  incidents: Map<string, PublicIncident>;
  /** Every published incident, oldest first (the history's order). */
  byPublication: SortedList<PublicIncident>;
  /** The same, per kind: the Statuspage JSON lists the latest of each. */
  byKind: Record<IncidentKind, SortedList<PublicIncident>>;
  /** Latest change first (the feeds' order). */
  byLastChange: SortedList<PublicIncident>;
  /** Ids of the incidents `isLive` keeps (checked again as time passes, at every build). */
  live: Set<string>;
  /** Component id → the incidents affecting it, whose pages show its name. */
  byComponent: Map<string, Set<string>>;
  componentRows: PublishedRows['components'];
  groupRows: PublishedRows['groups'];
  componentNames: ComponentNames;
};

export function createSiteModel(): SiteModel {
  return {
    cursor: null,
    incidents: new Map(),
    byPublication: new SortedList(byPublication),
    byKind: { incident: new SortedList(byPublication), maintenance: new SortedList(byPublication) },
    byLastChange: new SortedList(byLastChange),
    live: new Set(),
    byComponent: new Map(),
    componentRows: [],
    groupRows: [],
    componentNames: new Map(),
  };
}

/** Forgets everything, so the next read is of everything (after a failure that may have left it half patched). */
export function resetSiteModel(model: SiteModel): void {
  Object.assign(model, createSiteModel());
}

const namesKey = (names: { name: string; nameSw: string | null } | undefined) => (names ? `${names.name}\u0000${names.nameSw ?? ''}` : '');

function indexComponents(model: SiteModel, incident: PublicIncident, add: boolean): void {
  for (const { componentId } of incident.affected) {
    let ids = model.byComponent.get(componentId);
    if (add) {
      if (!ids) model.byComponent.set(componentId, (ids = new Set()));
      ids.add(incident.id);
    } else {
      ids?.delete(incident.id);
      if (ids?.size === 0) model.byComponent.delete(componentId);
    }
  }
}

/** Takes in the components and groups (always read whole), and the incidents showing a component whose name changed. */
function applyComponents(model: SiteModel, rows: PublishedRows, changed: Set<string>): void {
  const names: ComponentNames = new Map(rows.components.map((c) => [c.id, { name: c.name, nameSw: c.nameSw }]));
  for (const id of new Set([...names.keys(), ...model.componentNames.keys()])) {
    if (namesKey(names.get(id)) === namesKey(model.componentNames.get(id))) continue;
    for (const incident of model.byComponent.get(id) ?? []) changed.add(incident);
  }
  model.componentRows = rows.components;
  model.groupRows = rows.groups;
  model.componentNames = names;
}

function fillSiteModel(model: SiteModel, read: SiteRead, cutoff: number): void {
  const incidents = publicIncidents(read.rows);
  resetSiteModel(model);
  model.incidents = new Map(incidents.map((i) => [i.id, i]));
  // publicIncidents answers in publication order already.
  model.byPublication.items = incidents;
  model.byKind.incident.items = incidents.filter((i) => i.kind === 'incident');
  model.byKind.maintenance.items = incidents.filter((i) => i.kind === 'maintenance');
  model.byLastChange.reset([...incidents]);
  for (const incident of incidents) {
    if (isLive(incident, cutoff)) model.live.add(incident.id);
    indexComponents(model, incident, true);
  }
  applyComponents(model, read.rows, new Set());
  model.cursor = read.cursor;
}

/**
 * Patches the model with a read. Answers what may look different since: `null` after a read of
 * everything (then every page may), else the changed incidents (and those showing a renamed
 * component) and the history pages whose entries, or whose place in the history, moved.
 */
export function applySiteRead(model: SiteModel, read: SiteRead, now: Date): ModelChanges | null {
  const cutoff = now.getTime() - (uptimeDayCount + 2) * dayMs;
  if (read.changed === null) {
    fillSiteModel(model, read, cutoff);
    return null;
  }
  if (model.cursor === null) throw new Error('only a read of everything can fill an empty site model');
  const fresh = new Map(publicIncidents(read.rows).map((i) => [i.id, i]));
  const changes: ModelChanges = { incidents: new Set(), historyPages: new Set() };
  const pagesBefore = historyPageCount(model.byPublication.items.length);
  // The first place in the history where entries came, went or moved: every page from its own on
  // may list other incidents than before. An incident changed in place touches only its page.
  let firstMoved = Infinity;
  const inPlace: PublicIncident[] = [];
  for (const id of read.changed) {
    const before = model.incidents.get(id);
    const after = fresh.get(id);
    changes.incidents.add(id);
    if (before) {
      for (const list of [model.byKind[before.kind], model.byLastChange]) list.remove(before);
      indexComponents(model, before, false);
      model.live.delete(id);
      model.incidents.delete(id);
    }
    if (before && after && byPublication(before, after) === 0) {
      const at = model.byPublication.indexOf(before);
      if (at < 0) throw new Error(`incident ${id} is missing from the history order`);
      model.byPublication.items[at] = after;
      inPlace.push(after);
    } else {
      if (before) firstMoved = Math.min(firstMoved, model.byPublication.remove(before));
      if (after) firstMoved = Math.min(firstMoved, model.byPublication.insert(after));
    }
    if (after) {
      for (const list of [model.byKind[after.kind], model.byLastChange]) list.insert(after);
      indexComponents(model, after, true);
      if (isLive(after, cutoff)) model.live.add(id);
      model.incidents.set(id, after);
    }
  }
  const pagesAfter = historyPageCount(model.byPublication.items.length);
  if (firstMoved !== Infinity) {
    for (let page = historyPageOf(firstMoved); page <= Math.max(pagesBefore, pagesAfter); page++) changes.historyPages.add(page);
  }
  // The newest page before links to a newer one only while there is one.
  if (pagesBefore !== pagesAfter) changes.historyPages.add(Math.min(pagesBefore, pagesAfter));
  for (const incident of inPlace) changes.historyPages.add(historyPageOf(model.byPublication.indexOf(incident)));
  applyComponents(model, read.rows, changes.incidents);
  model.cursor = read.cursor;
  return changes;
}

/**
 * The published data the home page, the widget and the Statuspage JSON are made from: the
 * components and groups, and of the incidents only those they can show (the live ones and the
 * latest of each kind), oldest first like a full read. Made from those, every one of them comes
 * out as it would from all incidents.
 */
export function summaryData(model: SiteModel, now: Date): PublishedData {
  const cutoff = now.getTime() - (uptimeDayCount + 2) * dayMs;
  // Those that aged out of the uptime bars since the last build leave the live set for good.
  for (const id of model.live) {
    const incident = model.incidents.get(id);
    if (!incident || !isLive(incident, cutoff)) model.live.delete(id);
  }
  const shown = new Set<PublicIncident>();
  for (const id of model.live) {
    const incident = model.incidents.get(id);
    if (incident) shown.add(incident);
  }
  for (const list of Object.values(model.byKind)) for (const incident of list.items.slice(-statuspageRecent)) shown.add(incident);
  const incidents = [...shown].sort(byPublication);
  return publishedDataOf(model.componentRows, model.groupRows, incidents, model.byLastChange.items[0]?.updatedAt ?? null);
}
