import { sql } from 'drizzle-orm';
import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { allIncidentStatuses, componentStatuses, incidentImpacts, incidentKinds } from './constants';
import { components } from './components';

export const incidents = sqliteTable(
  'incidents',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: incidentKinds }).notNull().default('incident'),
    name: text('name').notNull(),
    /** Swahili name for the Swahili pages; the English one is shown when absent. */
    nameSw: text('name_sw'),
    status: text('status', { enum: allIncidentStatuses }).notNull(),
    impact: text('impact', { enum: incidentImpacts }).notNull().default('none'),
    /** First day of disruption (YYYY-MM-DD, Africa/Nairobi). */
    disruptionFrom: text('disruption_from'),
    /** First day offices can serve again (YYYY-MM-DD); null while unknown. */
    expectedRestoration: text('expected_restoration'),
    scheduledFor: text('scheduled_for'),
    scheduledUntil: text('scheduled_until'),
    /** Markdown, rendered sanitised on the public pages. */
    postmortem: text('postmortem'),
    postmortemPublishedAt: text('postmortem_published_at'),
    /** Null until the first update is published: until then the incident is invisible to the public. */
    publishedAt: text('published_at'),
    startedAt: text('started_at'),
    monitoringAt: text('monitoring_at'),
    resolvedAt: text('resolved_at'),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index('incidents_published').on(t.publishedAt), index('incidents_status').on(t.status)],
);

/** Which components an incident affects, and how (as of its latest published update). */
export const incidentComponents = sqliteTable(
  'incident_components',
  {
    incidentId: text('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
    componentId: text('component_id').notNull().references(() => components.id, { onDelete: 'cascade' }),
    status: text('status', { enum: componentStatuses }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.componentId] })],
);

export type IncidentRow = typeof incidents.$inferSelect;
export type IncidentComponentRow = typeof incidentComponents.$inferSelect;
