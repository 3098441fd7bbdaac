import { and, asc, isNotNull, notInArray } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { closedIncidentStatuses, incidents } from '../../db/schema/index';
import type { ActionContext } from '../auth/actor';
import { rescheduleAffectedAppointments } from './reschedule-affected-appointments';

/**
 * Applies the rule of every open, published incident with a known restoration date again, so an
 * appointment imported into a window that is already closed is moved (and its applicant told)
 * like the others, instead of being missed until the next update. Oldest incident first, so the
 * result does not depend on which incident happens to be read first.
 */
export async function rescheduleForOpenIncidents(tx: Transaction, options: ActionContext): Promise<number> {
  const open = await tx
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(isNotNull(incidents.publishedAt), isNotNull(incidents.expectedRestoration), notInArray(incidents.status, [...closedIncidentStatuses])))
    .orderBy(asc(incidents.publishedAt), asc(incidents.id));
  let moved = 0;
  for (const incident of open) moved += (await rescheduleAffectedAppointments(tx, incident.id, options)).moved;
  return moved;
}
