import { createHash } from 'node:crypto';
import type { DatabaseOrTransaction } from '../../db/client';
import type { IncidentRow, IncidentUpdateRow } from '../../db/schema/index';
import { findPendingUpdate, loadIncident } from './incident-records';

/** The incident fields a publish releases with its update: on the page, in the X post, in emails. */
export type RevisionIncident = Pick<
  IncidentRow,
  'id' | 'kind' | 'name' | 'nameSw' | 'impact' | 'disruptionFrom' | 'expectedRestoration' | 'scheduledFor' | 'scheduledUntil' | 'postmortem'
>;
/** The update fields a publish releases; not its state or who drafted or approved it. */
export type RevisionUpdate = Pick<IncidentUpdateRow, 'id' | 'status' | 'body' | 'bodySw' | 'xText' | 'components' | 'expectedRestoration'>;

/** A pending update with the revision a reviewer names to approve or publish it (null once published). */
export type UpdateWithRevision = IncidentUpdateRow & { revision: string | null };

const revisionLength = 16;

/**
 * The revision of what publishing `update` would release: a hash over the update's content and
 * the incident fields that go out with it. Any change to either gives a new revision, so an
 * approval or publish that names the revision its reviewer saw covers exactly what goes out.
 */
export function revisionOf(incident: RevisionIncident, update: RevisionUpdate): string {
  // A fixed list (not an object) so key order can never change the hash; components sorted by id.
  const released = [
    incident.id,
    incident.kind,
    incident.name,
    incident.nameSw,
    incident.impact,
    incident.disruptionFrom,
    incident.expectedRestoration,
    incident.scheduledFor,
    incident.scheduledUntil,
    incident.postmortem,
    update.id,
    update.status,
    update.body,
    update.bodySw,
    update.xText,
    Object.entries(update.components).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    update.expectedRestoration,
  ];
  return createHash('sha256').update(JSON.stringify(released)).digest('hex').slice(0, revisionLength);
}

/** The update with its revision while pending; a published update has none to review. */
export function withRevision(incident: RevisionIncident, update: IncidentUpdateRow): UpdateWithRevision {
  return { ...update, revision: update.state === 'published' ? null : revisionOf(incident, update) };
}

/** The revision of the incident's pending update, or null when nothing is pending (for trusted scripts and tests). */
export async function pendingRevision(db: DatabaseOrTransaction, incidentId: string): Promise<string | null> {
  const incident = await loadIncident(db, incidentId);
  const pending = await findPendingUpdate(db, incidentId);
  return pending ? revisionOf(incident, pending) : null;
}
