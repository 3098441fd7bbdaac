import { and, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { applicantActions, type ApplicantActionKind } from '../../db/schema/index';

/**
 * Notes that an applicant opened their link or looked their appointment up, once per applicant and
 * incident (read first, so the common case of a second visit writes nothing). Choices are recorded
 * by chooseAnotherDate inside its own transaction.
 */
export async function recordApplicantVisit(
  db: DatabaseOrTransaction,
  visit: { incidentId: string; reference: string; action: Exclude<ApplicantActionKind, 'chose_date'>; now: Date },
): Promise<void> {
  const [seen] = await db
    .select({ id: applicantActions.id })
    .from(applicantActions)
    .where(and(eq(applicantActions.incidentId, visit.incidentId), eq(applicantActions.action, visit.action), eq(applicantActions.reference, visit.reference)))
    .limit(1);
  if (seen) return;
  await db.insert(applicantActions).values({ incidentId: visit.incidentId, reference: visit.reference, action: visit.action, at: visit.now.toISOString() });
}
