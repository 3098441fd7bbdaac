import { and, isNotNull, ne, notInArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { closedIncidentStatuses, incidents, type AppointmentService } from '../../db/schema/index';
import type { NairobiDay } from '../offices/nairobi-days';
import type { OfficeCapacity } from '../offices/office-capacity';
import { loadDisruptionScope, type DisruptionScope } from './disruption-scope';

/** The published windows of every open incident (but `exceptIncidentId`), as the public sees them. */
export async function loadOpenDisruptions(
  db: DatabaseOrTransaction,
  options: { exceptIncidentId?: string; now: Date },
): Promise<DisruptionScope[]> {
  const open = await db
    .select({ id: incidents.id })
    .from(incidents)
    .where(
      and(
        isNotNull(incidents.publishedAt),
        notInArray(incidents.status, [...closedIncidentStatuses]),
        options.exceptIncidentId ? ne(incidents.id, options.exceptIncidentId) : undefined,
      ),
    );
  return Promise.all(open.map(({ id }) => loadDisruptionScope(db, id, { includePending: false, now: options.now })));
}

/** The open disruption that keeps this office from serving this service on this day, if any. */
export function disruptionOn(scopes: readonly DisruptionScope[], office: string, service: AppointmentService, day: NairobiDay): DisruptionScope | undefined {
  return scopes.find(
    (scope) =>
      day >= scope.from &&
      (scope.until === null || day < scope.until) &&
      scope.targets.some((target) => target.service === service && (target.office === null || target.office === office)),
  );
}

/** Office capacity with every day another open incident disrupts closed: nobody is moved into another outage. */
export function closeDisruptedDays(officeCapacity: OfficeCapacity, scopes: readonly DisruptionScope[]): OfficeCapacity {
  if (scopes.length === 0) return officeCapacity;
  return {
    ...officeCapacity,
    capacityOn: (office, service, day) => (disruptionOn(scopes, office, service, day) ? 0 : officeCapacity.capacityOn(office, service, day)),
  };
}
