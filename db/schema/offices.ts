import { sql } from 'drizzle-orm';
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { appointmentServices } from './constants';

/** Seven daily capacities, Monday first. */
export type WeeklyCapacity = [number, number, number, number, number, number, number];

export const offices = sqliteTable('offices', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  address: text('address').notNull().default(''),
  applicationCapacity: text('application_capacity', { mode: 'json' }).$type<WeeklyCapacity>().notNull(),
  collectionCapacity: text('collection_capacity', { mode: 'json' }).$type<WeeklyCapacity>().notNull(),
  /**
   * Where the department allows it: one nearby office whose free days this office's applicants
   * may also choose (api/applicants). Checked by the office rules, cleared when that office goes.
   */
  nearbyOfficeCode: text('nearby_office_code'),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** A closure (capacity 0) or a surge day (e.g. a Saturday opening) for one service on one date. */
export const officeOverrides = sqliteTable(
  'office_overrides',
  {
    officeCode: text('office_code').notNull().references(() => offices.code, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    service: text('service', { enum: appointmentServices }).notNull(),
    capacity: integer('capacity').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.officeCode, t.date, t.service] })],
);

export type OfficeRow = typeof offices.$inferSelect;
export type OfficeOverrideRow = typeof officeOverrides.$inferSelect;
