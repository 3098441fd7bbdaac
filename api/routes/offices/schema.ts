import { z } from '@hono/zod-openapi';
import { appointmentServices, dayCapacitySources } from '../../../db/schema/constants';
import { listSchema } from '../../http/paging';

const count = z.number().int().min(0).max(100_000);
const week = z
  .tuple([count, count, count, count, count, count, count])
  .openapi({ description: 'Daily capacity Monday first; Saturday and Sunday must be 0 (open a weekend day with an override).', example: [300, 300, 300, 300, 250, 0, 0] });
const capacity = z.object({ application: week, collection: week });
const day = z.iso.date({ error: 'use a real day like 2026-06-06' });

export const OfficeCodeParamSchema = z.object({
  code: z.string().openapi({ param: { name: 'code', in: 'path' }, example: 'NYH' }),
});

export const OverrideParamSchema = z.object({
  code: z.string().openapi({ param: { name: 'code', in: 'path' }, example: 'NYH' }),
  date: day.openapi({ param: { name: 'date', in: 'path' }, example: '2026-06-06' }),
  service: z.enum(appointmentServices).openapi({ param: { name: 'service', in: 'path' }, example: 'application' }),
});

export const OverrideBodySchema = z
  .object({
    capacity: count.openapi({ description: '0 closes the office that day; a positive number opens it with that capacity, even on a weekend or holiday.' }),
    note: z.string().max(500).nullable().optional().openapi({ example: 'Saturday opening to clear the backlog' }),
  })
  .openapi('OfficeOverrideInput');

export const CreateOfficeSchema = z
  .object({
    code: z.string().regex(/^[A-Z0-9]{2,10}$/, '2–10 capital letters or digits, e.g. NYH').openapi({ example: 'NYH' }),
    name: z.string().trim().min(1, 'cannot be empty').max(200).openapi({ example: 'Nyayo House, Nairobi' }),
    address: z.string().max(500).optional(),
    nearby_office: z.string().regex(/^[A-Z0-9]{2,10}$/, '2–10 capital letters or digits, e.g. MSA').nullable().optional().openapi({ description: "Where the department allows it: the code of one nearby office whose free days this office's applicants may also choose. null: none.", example: 'MSA' }),
    capacity,
  })
  .openapi('CreateOffice');

export const EditOfficeSchema = z
  .object({
    name: z.string().trim().min(1, 'cannot be empty').max(200),
    address: z.string().max(500),
    nearby_office: z.string().regex(/^[A-Z0-9]{2,10}$/, '2–10 capital letters or digits, e.g. MSA').nullable().openapi({ description: "Where the department allows it: the code of one nearby office whose free days this office's applicants may also choose. null: none.", example: 'MSA' }),
    capacity: z.object({ application: week, collection: week }).partial(),
  })
  .partial()
  .openapi('EditOffice');

export const OfficeSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    address: z.string(),
    nearby_office: z.string().nullable().openapi({ description: "The one office whose free days this office's applicants may also choose; null: none." }),
    capacity,
    overrides: z.array(z.object({ date: z.string(), service: z.enum(appointmentServices), capacity: z.number().int(), note: z.string().nullable() })),
  })
  .openapi('Office');

export const OfficeListSchema = listSchema(OfficeSchema, 'OfficeList');

export const CalendarQuerySchema = z.object({
  from: day.openapi({ param: { name: 'from', in: 'query' }, example: '2026-06-01' }),
  to: day.openapi({ param: { name: 'to', in: 'query' }, example: '2026-06-30' }),
});

const serviceDay = z.object({ capacity: z.number().int(), booked: z.number().int(), source: z.enum(dayCapacitySources) });

export const OfficeDaySchema = z
  .object({
    date: z.string(),
    weekday: z.number().int().openapi({ description: '0 = Monday … 6 = Sunday' }),
    holiday: z.string().nullable(),
    open: z.boolean(),
    services: z.object({ application: serviceDay, collection: serviceDay }),
  })
  .openapi('OfficeDay');

export const CalendarSchema = z.object({ office: z.string(), days: z.array(OfficeDaySchema) }).openapi('OfficeCalendar');
