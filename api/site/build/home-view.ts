import { appointmentServices, disruptiveComponentStatuses, type AppointmentService, type ComponentStatus, type IncidentImpact, type IncidentKind, type IncidentStatus } from '../../../db/schema/constants';
import type { PageStatus } from '../../status/page-status';
import type { PublicComponent, PublicGroup, PublicIncident, PublishedData } from '../../status/public-model';
import { componentUptime } from '../../status/uptime';
import { incidentSummaryView, type ComponentNames, type IncidentSummaryView, type UpdateView } from './site-views';

// The home page answers first what a person deciding whether to travel needs (what is down
// where, since when, until when, what happens to their appointment, the apology), then the
// services with their 90-day uptime.

type Names = { name: string; nameSw: string | null };

/** One of the 90 uptime bars: a Nairobi day. */
export type UptimeDayView = { day: string; counted: boolean; worst: ComponentStatus | null; affectedMinutes: number };
/** `percent` is rounded down to two decimals, so any lost minute shows below 100. */
export type UptimeView = { percent: number | null; days: UptimeDayView[] };

export type HomeComponentView = Names & { id: string; description: string | null; status: ComponentStatus; uptime: UptimeView };
export type HomeGroupView = { id: string | null; name: string | null; nameSw: string | null; status: ComponentStatus; components: HomeComponentView[] };

/** Offices (component groups) × appointment services; a null cell: that office has no such service. */
export type OutageGridView = {
  services: AppointmentService[];
  rows: { name: string | null; nameSw: string | null; cells: (ComponentStatus | null)[] }[];
};

export type CurrentIncidentView = Names & {
  id: string;
  kind: IncidentKind;
  status: IncidentStatus;
  impact: IncidentImpact;
  /** When it was first published (or started), an instant. */
  since: string;
  expectedRestoration: string | null;
  scheduledUntil: string | null;
  grid: OutageGridView;
  /** Affected components that serve no appointments, outside the grid. */
  others: (Names & { status: ComponentStatus })[];
  /** It disrupts a service people book appointments for, so they get a new date by email. */
  movesAppointments: boolean;
  latest: UpdateView | null;
};

export type HomeView = {
  status: PageStatus;
  current: CurrentIncidentView[];
  groups: HomeGroupView[];
  upcoming: IncidentSummaryView[];
};

const disruptive: readonly ComponentStatus[] = disruptiveComponentStatuses;

function uptimeView(component: PublicComponent, incidents: readonly PublicIncident[], now: Date): UptimeView {
  const { days, uptime } = componentUptime(component, incidents, now);
  return {
    percent: uptime === null ? null : Math.floor(uptime * 10_000) / 100,
    days: days.map((d) => ({ day: d.day, counted: d.countedSeconds > 0, worst: d.worst, affectedMinutes: Math.round(d.affectedSeconds / 60) })),
  };
}

function outageGrid(incident: PublicIncident, components: readonly PublicComponent[], groups: readonly PublicGroup[]): Pick<CurrentIncidentView, 'grid' | 'others'> {
  const byId = new Map(components.map((c) => [c.id, c]));
  const affected = new Map(incident.affected.map((a) => [a.componentId, a.status]));
  const inGrid = incident.affected.flatMap((a) => {
    const component = byId.get(a.componentId);
    return component?.service ? [component] : [];
  });
  const services = appointmentServices.filter((s) => inGrid.some((c) => c.service === s));
  const groupIds = [...new Set(inGrid.map((c) => c.groupId))];
  const rowGroups = [...groups.filter((g) => groupIds.includes(g.id)), ...(groupIds.some((id) => !groups.some((g) => g.id === id)) ? [null] : [])];
  const rows = rowGroups.map((group) => {
    const members = components.filter((c) => (group ? c.groupId === group.id : !groups.some((g) => g.id === c.groupId)));
    return {
      name: group?.name ?? null,
      nameSw: group?.nameSw ?? null,
      // What this incident gives each service there, else what the service shows now.
      cells: services.map((service) => {
        const member = members.find((c) => c.service === service && affected.has(c.id)) ?? members.find((c) => c.service === service);
        return member ? (affected.get(member.id) ?? member.status) : null;
      }),
    };
  });
  const others = incident.affected.flatMap((a) => {
    const component = byId.get(a.componentId);
    return component && !component.service ? [{ name: component.name, nameSw: component.nameSw, status: a.status }] : [];
  });
  return { grid: { services, rows }, others };
}

function currentIncidentView(incident: PublicIncident, data: PublishedData): CurrentIncidentView {
  const latest = incident.updates.at(-1);
  const byId = new Map(data.components.map((c) => [c.id, c]));
  return {
    id: incident.id,
    kind: incident.kind,
    name: incident.name,
    nameSw: incident.nameSw,
    status: incident.status,
    impact: incident.impact,
    since: incident.startedAt ?? incident.publishedAt,
    expectedRestoration: incident.expectedRestoration,
    scheduledUntil: incident.scheduledUntil,
    ...outageGrid(incident, data.components, data.groups),
    movesAppointments: incident.affected.some((a) => disruptive.includes(a.status) && byId.get(a.componentId)?.service != null),
    latest: latest ? { id: latest.id, status: latest.status, body: latest.body, bodySw: latest.bodySw, publishedAt: latest.publishedAt } : null,
  };
}

/** The home page's view; `now` ends the uptime bars. */
export function homeView(data: PublishedData, componentNames: ComponentNames, now: Date): HomeView {
  // Components marked "only show if degraded" stay off the page while they work.
  const visible = data.components.filter((c) => !c.onlyShowIfDegraded || c.status !== 'operational');
  const toView = (c: PublicComponent): HomeComponentView => ({
    id: c.id,
    name: c.name,
    nameSw: c.nameSw,
    description: c.description,
    status: c.status,
    uptime: uptimeView(c, data.incidents, now),
  });
  const groups: HomeGroupView[] = data.groups
    .map((g) => ({ id: g.id, name: g.name, nameSw: g.nameSw, status: g.status, components: visible.filter((c) => c.groupId === g.id).map(toView) }))
    .filter((g) => g.components.length > 0);
  const groupIds = new Set(data.groups.map((g) => g.id));
  const loose = visible.filter((c) => c.groupId === null || !groupIds.has(c.groupId)).map(toView);
  if (loose.length > 0) groups.push({ id: null, name: null, nameSw: null, status: 'operational', components: loose });
  const newestFirst = [...data.incidents].reverse();
  return {
    status: data.status,
    current: newestFirst.filter((i) => i.open).map((i) => currentIncidentView(i, data)),
    groups,
    upcoming: newestFirst
      .filter((i) => i.kind === 'maintenance' && i.status === 'scheduled')
      .sort((a, b) => (a.scheduledFor ?? '').localeCompare(b.scheduledFor ?? ''))
      .map((i) => incidentSummaryView(i, componentNames)),
  };
}
