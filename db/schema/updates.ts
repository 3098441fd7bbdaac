import { sql } from 'drizzle-orm';
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { allIncidentStatuses, type ComponentStatus, updateStates } from './constants';
import { incidents } from './incidents';

/**
 * One notice in an incident's timeline. Draft → approved → published; published text is never
 * edited (corrections are new updates). What it changes (status, components, restoration date)
 * is applied to the incident only when it is published.
 */
export const incidentUpdates = sqliteTable(
  'incident_updates',
  {
    id: text('id').primaryKey(),
    incidentId: text('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
    state: text('state', { enum: updateStates }).notNull().default('draft'),
    status: text('status', { enum: allIncidentStatuses }).notNull(),
    body: text('body').notNull(),
    bodySw: text('body_sw'),
    xText: text('x_text'),
    /** Component statuses this update sets, e.g. {"cmp1": "major_outage"}. */
    components: text('components', { mode: 'json' }).$type<Record<string, ComponentStatus>>().notNull().default({}),
    /** Restoration date this update sets when published (null: leaves it as it is). */
    expectedRestoration: text('expected_restoration'),
    draftedBy: text('drafted_by'),
    approvedBy: text('approved_by'),
    publishedBy: text('published_by'),
    overrideReason: text('override_reason'),
    /** A publisher sent the draft back: why, for the drafter to read and act on. */
    returnComment: text('return_comment'),
    returnedBy: text('returned_by'),
    returnedAt: text('returned_at'),
    /** Id of the X post that carried this update, once sent. */
    xPostId: text('x_post_id'),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    approvedAt: text('approved_at'),
    publishedAt: text('published_at'),
  },
  (t) => [index('incident_updates_incident').on(t.incidentId, t.state)],
);

export type IncidentUpdateRow = typeof incidentUpdates.$inferSelect;
