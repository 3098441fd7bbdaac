import type { ComponentStatus } from '../../db/schema/constants';
import { addDays, nairobiDay, type NairobiDay } from '../offices/nairobi-days';
import { componentSeverity } from './component-status';
import { componentStatusSpans, type StatusSpan } from './component-status-spans';
import type { PublicComponent, PublicIncident } from './public-model';

/** How many Nairobi days the uptime bars cover, today included. */
export const uptimeDayCount = 90;

/**
 * The uptime rule, stated on the page: a major outage counts fully against uptime, a partial
 * outage half, degraded performance and maintenance not at all. Overlapping incidents do not add
 * up: at each moment only the worst of them counts.
 */
export function uptimeWeight(span: Pick<StatusSpan, 'status' | 'maintenance'>): number {
  if (span.maintenance) return 0;
  if (span.status === 'major_outage') return 1;
  if (span.status === 'partial_outage') return 0.5;
  return 0;
}

export type UptimeDay = {
  day: NairobiDay;
  /** Seconds of this day the component existed, up to now (0: not counted at all). */
  countedSeconds: number;
  /** Seconds lost by the rule (a partial outage hour loses half an hour). */
  lostSeconds: number;
  /** Seconds with any status other than operational. */
  affectedSeconds: number;
  /** The worst status any incident gave it that day; null when none did. */
  worst: ComponentStatus | null;
};

export type ComponentUptime = {
  /** Oldest day first, ending today. */
  days: UptimeDay[];
  /** Share of the counted time that was up, 0–1; null when the component did not exist yet. */
  uptime: number | null;
};

const dayMs = 86_400_000;
const nairobiMidnight = (day: NairobiDay) => Date.parse(`${day}T00:00:00+03:00`);

/** When the component began to count: its start date (a Nairobi day), else when it was added. */
function existsFrom(component: Pick<PublicComponent, 'startDate' | 'createdAt'>): number {
  return component.startDate ? nairobiMidnight(component.startDate) : Date.parse(component.createdAt);
}

/** Weighted and plain outage seconds within [from, to), taking the worst span at each moment. */
function measure(spans: readonly StatusSpan[], from: number, to: number): { lost: number; affected: number } {
  const inside = spans.filter((s) => s.from < to && s.to > from);
  const edges = [...new Set([from, to, ...inside.flatMap((s) => [s.from, s.to]).filter((t) => t > from && t < to)])].sort((a, b) => a - b);
  let lost = 0;
  let affected = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const covering = inside.filter((s) => s.from <= edges[i] && s.to >= edges[i + 1]);
    if (covering.length === 0) continue;
    const seconds = (edges[i + 1] - edges[i]) / 1000;
    lost += seconds * Math.max(...covering.map(uptimeWeight));
    affected += seconds;
  }
  return { lost, affected };
}

/** A component's last `uptimeDayCount` Nairobi days and its uptime over them, from the published incident history. */
export function componentUptime(
  component: Pick<PublicComponent, 'id' | 'startDate' | 'createdAt'>,
  incidents: readonly PublicIncident[],
  now: Date,
): ComponentUptime {
  const today = nairobiDay(now);
  const end = now.getTime();
  const start = existsFrom(component);
  const spans = componentStatusSpans(component.id, incidents, now);
  const days: UptimeDay[] = [];
  for (let back = uptimeDayCount - 1; back >= 0; back--) {
    const day = addDays(today, -back);
    const from = Math.max(nairobiMidnight(day), start);
    const to = Math.min(nairobiMidnight(day) + dayMs, end);
    if (to <= from) {
      days.push({ day, countedSeconds: 0, lostSeconds: 0, affectedSeconds: 0, worst: null });
      continue;
    }
    const { lost, affected } = measure(spans, from, to);
    const touching = spans.filter((s) => s.from < to && s.to > from).map((s) => s.status);
    const worst = touching.length === 0 ? null : touching.reduce((a, b) => (componentSeverity(b) > componentSeverity(a) ? b : a));
    days.push({ day, countedSeconds: (to - from) / 1000, lostSeconds: lost, affectedSeconds: affected, worst });
  }
  const counted = days.reduce((sum, d) => sum + d.countedSeconds, 0);
  const lost = days.reduce((sum, d) => sum + d.lostSeconds, 0);
  return { days, uptime: counted === 0 ? null : 1 - lost / counted };
}
