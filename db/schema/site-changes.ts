import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Which incidents changed, in order, so a site build reads only those (api/site/build/).
 * Written only by triggers on `incidents`, `incident_updates` and `incident_components`
 * (migration 0010), so every writer is covered, the API, a script or a test inserting rows alike.
 * One row per incident: a change deletes the incident's row and appends a new one, so `seq`
 * (AUTOINCREMENT, never reused) only grows and the table stays as long as the incident list.
 */
export const siteChanges = sqliteTable(
  'site_changes',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    incidentId: text('incident_id').notNull(),
  },
  (t) => [index('site_changes_incident').on(t.incidentId)],
);
