import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { applicantActions, type ApplicantActionKind } from '../../db/schema/index';

/** The visit's read and write, built once per database handle: every lookup runs them. */
function prepareVisitQueries(db: DatabaseOrTransaction) {
  const incidentId = sql.placeholder('incidentId');
  const action = sql.placeholder('action');
  const reference = sql.placeholder('reference');
  return {
    seen: db
      .select({ id: applicantActions.id })
      .from(applicantActions)
      .where(and(eq(applicantActions.incidentId, incidentId), eq(applicantActions.action, action), eq(applicantActions.reference, reference)))
      .limit(1)
      .prepare(),
    record: db.insert(applicantActions).values({ incidentId, reference, action, at: sql.placeholder('at') }).prepare(),
  };
}

const preparedVisitQueries = new WeakMap<DatabaseOrTransaction, ReturnType<typeof prepareVisitQueries>>();

/**
 * Notes that an applicant opened their link or looked their appointment up, once per applicant and
 * incident (read first, so the common case of a second visit writes nothing). Choices are recorded
 * by chooseAnotherDate inside its own transaction.
 */
export async function recordApplicantVisit(
  db: DatabaseOrTransaction,
  visit: { incidentId: string; reference: string; action: Exclude<ApplicantActionKind, 'chose_date'>; now: Date },
): Promise<void> {
  let queries = preparedVisitQueries.get(db);
  if (!queries) preparedVisitQueries.set(db, (queries = prepareVisitQueries(db)));
  const keys = { incidentId: visit.incidentId, action: visit.action, reference: visit.reference };
  const [seen] = await queries.seen.all(keys);
  if (seen) return;
  await queries.record.run({ ...keys, at: visit.now.toISOString() });
}
