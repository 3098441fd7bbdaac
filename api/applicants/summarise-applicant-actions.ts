import { and, count, countDistinct, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { applicantActionKinds, applicantActions, incidents, type ApplicantActionKind } from '../../db/schema/index';
import { notFound } from '../domain-errors';

/** For staff: how many applicants acted on an incident's new dates, and which days their choices filled. */
export type ApplicantActionSummary = {
  applicants: Record<ApplicantActionKind, number>;
  chosenDays: { date: string; choices: number }[];
};

export async function summariseApplicantActions(db: DatabaseOrTransaction, incidentId: string): Promise<ApplicantActionSummary> {
  const [incident] = await db.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, incidentId));
  if (!incident) throw notFound('incident', incidentId);
  const perKind = await db
    .select({ action: applicantActions.action, applicants: countDistinct(applicantActions.reference) })
    .from(applicantActions)
    .where(eq(applicantActions.incidentId, incidentId))
    .groupBy(applicantActions.action);
  const applicants = Object.fromEntries(applicantActionKinds.map((kind) => [kind, 0])) as Record<ApplicantActionKind, number>;
  for (const row of perKind) applicants[row.action] = row.applicants;
  const chosenDays = await db
    .select({ date: applicantActions.chosenDate, choices: count() })
    .from(applicantActions)
    .where(and(eq(applicantActions.incidentId, incidentId), eq(applicantActions.action, 'chose_date')))
    .groupBy(applicantActions.chosenDate)
    .orderBy(applicantActions.chosenDate);
  return { applicants, chosenDays: chosenDays.map((day) => ({ date: day.date ?? '', choices: day.choices })) };
}
