import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { appointmentLanguages, appointmentServices, appointmentStatuses } from './constants';
import { incidents } from './incidents';

/** Personal data: never in public output or logs. */
export const appointments = sqliteTable(
  'appointments',
  {
    reference: text('reference').primaryKey(),
    fullName: text('full_name').notNull(),
    email: text('email').notNull(),
    language: text('language', { enum: appointmentLanguages }).notNull(),
    service: text('service', { enum: appointmentServices }).notNull(),
    officeCode: text('office_code').notNull(),
    /** Current date (YYYY-MM-DD): the new one once moved. */
    appointmentDate: text('appointment_date').notNull(),
    status: text('status', { enum: appointmentStatuses }).notNull().default('booked'),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  // status is in the index so counting what is booked per office, service and day never reads the rows.
  (t) => [index('appointments_slot').on(t.officeCode, t.service, t.appointmentDate, t.status)],
);

/** Each move of an appointment: the history the applicant's emails are made from. */
export const appointmentMoves = sqliteTable(
  'appointment_moves',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull().references(() => appointments.reference, { onDelete: 'cascade' }),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    /** The office before and after the move: they differ only when an applicant chose a nearby office. */
    fromOffice: text('from_office'),
    toOffice: text('to_office'),
    incidentId: text('incident_id').references(() => incidents.id, { onDelete: 'set null' }),
    at: text('at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    reason: text('reason').notNull(),
    movedBy: text('moved_by'),
  },
  (t) => [index('appointment_moves_reference').on(t.reference), index('appointment_moves_incident').on(t.incidentId)],
);

export type AppointmentRow = typeof appointments.$inferSelect;
export type AppointmentMoveRow = typeof appointmentMoves.$inferSelect;
