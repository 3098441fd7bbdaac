import { conflict, revisionRequired } from '../domain-errors';

/**
 * Approve and publish must name the revision their reviewer saw (revisionOf): if the content
 * changed since, the action would release words nobody reviewed, so it is refused and nothing
 * changes. A missing revision is refused too, so no client can skip the check by leaving it out.
 */
export function assertReviewedRevision(
  reviewed: string | null,
  current: string,
  target: { incidentId: string; action: 'approve' | 'publish' },
): void {
  const preview = `GET /incidents/${target.incidentId}/preview`;
  if (reviewed === null) {
    throw revisionRequired(
      `Name the revision you reviewed before you ${target.action}: send "revision" in the JSON body, or an If-Match: "<revision>" header. ${preview} shows the content a publish would send and its revision (so does the pending update in GET /incidents/${target.incidentId}).`,
    );
  }
  if (reviewed !== current) {
    throw conflict(
      `The content changed since you reviewed it (you reviewed revision ${reviewed}; it is now ${current}), so nothing was changed. Review it again (${preview}) and ${target.action} with the current revision if it is still right.`,
      { reviewed_revision: reviewed, current_revision: current },
    );
  }
}
