import { eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import {
  components,
  disruptiveComponentStatuses,
  incidentComponents,
  incidents,
  type AppointmentService,
  type ComponentStatus,
  type IncidentRow,
} from '../../db/schema/index';
import { notFound } from '../domain-errors';
import { findPendingUpdate } from '../incidents/incident-records';
import { addDays, dayOf, nairobiDay, type NairobiDay } from '../offices/nairobi-days';

/** Which appointments an incident disrupts: services/offices and the days they cannot be served. */
export type DisruptionScope = {
  incident: IncidentRow;
  /** First disrupted day. */
  from: NairobiDay;
  /** Expected restoration: the first day offices serve again (exclusive end); null while unknown. */
  until: NairobiDay | null;
  /** office null: every office offering that service. */
  targets: { service: AppointmentService; office: string | null }[];
  /** True when a draft or approved update's components and restoration were used. */
  usesPendingUpdate: boolean;
};

const disruptive = new Set<ComponentStatus>(disruptiveComponentStatuses);

/**
 * A maintenance has its end in its schedule: offices serve again the day after the work ends, or
 * that same day when it ends at midnight. Staff may still set expected_restoration instead.
 */
function maintenanceRestoration(incident: { kind: string; scheduledUntil: string | null }): NairobiDay | null {
  if (incident.kind !== 'maintenance' || !incident.scheduledUntil) return null;
  const end = new Date(incident.scheduledUntil);
  const lastDay = nairobiDay(end);
  return nairobiDay(new Date(end.getTime() - 1)) === lastDay ? addDays(lastDay, 1) : lastDay;
}

/**
 * Reads the incident's disruption as published, or, with `includePending`, as its latest draft or
 * approved update would make it, so staff see the consequences before publishing. An update's
 * components are changes on top of the incident's current ones; a null restoration keeps the
 * incident's. Without a disruption_from the window starts at scheduled_for, else started_at, else today.
 */
export async function loadDisruptionScope(
  db: DatabaseOrTransaction,
  incidentId: string,
  options: { includePending: boolean; now: Date },
): Promise<DisruptionScope> {
  const [incident] = await db.select().from(incidents).where(eq(incidents.id, incidentId));
  if (!incident) throw notFound('incident', incidentId);

  const statuses = new Map<string, ComponentStatus>();
  const current = await db.select().from(incidentComponents).where(eq(incidentComponents.incidentId, incidentId));
  for (const row of current) statuses.set(row.componentId, row.status);

  let until = incident.expectedRestoration ?? maintenanceRestoration(incident);
  let usesPendingUpdate = false;
  if (options.includePending) {
    const pending = await findPendingUpdate(db, incidentId);
    if (pending) {
      usesPendingUpdate = true;
      for (const [componentId, status] of Object.entries(pending.components)) statuses.set(componentId, status);
      until = pending.expectedRestoration ?? until;
    }
  }

  const disruptedIds = [...statuses].filter(([, status]) => disruptive.has(status)).map(([id]) => id);
  const linked = disruptedIds.length
    ? await db.select({ service: components.service, office: components.officeCode }).from(components).where(inArray(components.id, disruptedIds))
    : [];
  const targets = new Map<string, DisruptionScope['targets'][number]>();
  for (const component of linked) {
    if (component.service) targets.set(`${component.service}|${component.office ?? ''}`, { service: component.service, office: component.office });
  }

  const start = incident.disruptionFrom ?? incident.scheduledFor ?? incident.startedAt;
  return {
    incident,
    from: start ? dayOf(start) : nairobiDay(options.now),
    until: until ? dayOf(until) : null,
    targets: [...targets.values()],
    usesPendingUpdate,
  };
}
