import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { appointmentServices, componentStatuses } from './constants';

export const componentGroups = sqliteTable('component_groups', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Swahili name for the Swahili pages; the English one is shown when absent. */
  nameSw: text('name_sw'),
  description: text('description'),
  position: integer('position').notNull().default(0),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export const components = sqliteTable('components', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  nameSw: text('name_sw'),
  description: text('description'),
  groupId: text('group_id').references(() => componentGroups.id, { onDelete: 'set null' }),
  position: integer('position').notNull().default(0),
  /** The status staff set directly; the shown status is the worst of this and open incidents. */
  status: text('status', { enum: componentStatuses }).notNull().default('operational'),
  /** Link to appointments: which service this component delivers, and where (null office: all offices). */
  service: text('service', { enum: appointmentServices }),
  officeCode: text('office_code'),
  showcase: integer('showcase', { mode: 'boolean' }).notNull().default(true),
  onlyShowIfDegraded: integer('only_show_if_degraded', { mode: 'boolean' }).notNull().default(false),
  startDate: text('start_date'),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export type ComponentRow = typeof components.$inferSelect;
export type ComponentGroupRow = typeof componentGroups.$inferSelect;
