import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { appointments } from './appointments';
import { applicantActionKinds } from './constants';
import { incidents } from './incidents';

/**
 * What applicants did about an incident's new dates (opened their email's link, looked their
 * appointment up, chose another date), so staff can see whether the emails worked. One row per
 * applicant, incident and kind, except choices (at most two per appointment), which keep the day
 * they filled. Anonymous requests never add rows: only a valid link or a right reference and email.
 */
export const applicantActions = sqliteTable(
  'applicant_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    incidentId: text('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
    reference: text('reference').notNull().references(() => appointments.reference, { onDelete: 'cascade' }),
    action: text('action', { enum: applicantActionKinds }).notNull(),
    /** The day a choice filled (chose_date only). */
    chosenDate: text('chosen_date'),
    at: text('at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index('applicant_actions_incident').on(t.incidentId, t.action, t.reference)],
);

export type ApplicantActionRow = typeof applicantActions.$inferSelect;
