import type { DatabaseOrTransaction } from '../../db/client';
import {
  incidentUpdates,
  incidents,
  type IncidentImpact,
  type IncidentKind,
  type IncidentRow,
  type IncidentUpdateRow,
} from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import { newId } from '../ids';
import type { ActionContext } from '../auth/actor';
import { checkSchedule, throwIfInvalid, toIsoInstant } from './incident-input-rules';
import { dayOf } from '../offices/nairobi-days';
import { checkUpdateContent, updateContentValues, type UpdateContent } from './update-content';

export type NewIncident = UpdateContent & {
  name: string;
  /** Name on the Swahili pages; null, absent or blank: they show `name`. */
  nameSw?: string | null;
  kind?: IncidentKind;
  impact: IncidentImpact;
  /** A day (YYYY-MM-DD) or an ISO date-time, stored as its Africa/Nairobi day; a maintenance defaults to its start day. */
  disruptionFrom?: string | null;
  scheduledFor?: string | null;
  scheduledUntil?: string | null;
};

/**
 * Creates an incident (or maintenance) with its first update as a draft. Nothing is public
 * until that update is published: the incident's status, components and restoration date come
 * from its published updates.
 */
export async function createIncident(
  db: DatabaseOrTransaction,
  input: NewIncident,
  context: ActionContext,
): Promise<{ incident: IncidentRow; update: IncidentUpdateRow }> {
  const kind = input.kind ?? 'incident';
  const scheduledFor = input.scheduledFor ? toIsoInstant(input.scheduledFor) : null;
  // A maintenance disrupts from the day it starts unless staff say otherwise, so the appointments
  // it closes are found without a second date to remember.
  const disruptionFrom = input.disruptionFrom ? dayOf(input.disruptionFrom) : scheduledFor && kind === 'maintenance' ? dayOf(scheduledFor) : null;
  const scheduledUntil = input.scheduledUntil ? toIsoInstant(input.scheduledUntil) : null;
  const at = context.now.toISOString();
  const userId = context.actor.userId;

  return db.transaction(async (tx) => {
    throwIfInvalid([
      ...(input.name.trim() === '' ? [{ field: 'name', message: 'Give the incident a name the public will understand.' }] : []),
      ...(await checkUpdateContent(tx, { kind, disruptionFrom }, input)),
      ...checkSchedule(kind, scheduledFor, scheduledUntil),
    ]);
    const [incident] = await tx
      .insert(incidents)
      .values({
        id: newId(),
        kind,
        name: input.name.trim(),
        nameSw: input.nameSw?.trim() || null,
        // Required by the table; shown only once the first update is published with this status.
        status: input.status,
        impact: input.impact,
        disruptionFrom,
        scheduledFor,
        scheduledUntil,
        createdBy: userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    const [update] = await tx
      .insert(incidentUpdates)
      .values({
        id: newId(),
        incidentId: incident.id,
        state: 'draft',
        ...updateContentValues(input),
        status: input.status,
        body: input.body,
        draftedBy: userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    await recordAudit(tx, {
      actor: context.actor,
      action: 'incident.create',
      targetType: 'incident',
      targetId: incident.id,
      detail: { kind, update_id: update.id },
    });
    return { incident, update };
  });
}
