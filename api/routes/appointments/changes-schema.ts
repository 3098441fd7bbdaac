import { z } from '@hono/zod-openapi';
import { appointmentServices } from '../../../db/schema/constants';
import { maxChangesPerPage } from '../../applicants/list-appointment-changes';

export const nextCursorHeader = 'Hali-Next-Cursor';

export const ChangesQuerySchema = z.object({
  after: z
    .string()
    .max(64)
    .optional()
    .openapi({ param: { name: 'after', in: 'query' }, description: 'The `next` of the previous answer, as it was given; leave it out to start from the first change.' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxChangesPerPage)
    .default(500)
    .openapi({ param: { name: 'limit', in: 'query' }, description: `Changes per answer, 1 to ${maxChangesPerPage} (default 500).` }),
});

export const AppointmentChangeSchema = z
  .object({
    reference: z.string(),
    from: z.string().openapi({ description: 'The day it was on before this change (YYYY-MM-DD).' }),
    to: z.string().openapi({ description: 'The day it is on after this change (YYYY-MM-DD).' }),
    office: z.string().openapi({ description: 'The office after this change.' }),
    service: z.enum(appointmentServices),
    reason: z.string().openapi({ description: "Why: an outage's rescheduling, a staff decision, or \"applicant's choice\"." }),
    incident_id: z.string().nullable(),
    at: z.string().openapi({ description: 'When Hali made the change (ISO 8601, UTC).' }),
    from_office: z.string().openapi({ description: 'The office before this change; differs from `office` only when the applicant chose a nearby office.' }),
  })
  .openapi('AppointmentChange');

export const AppointmentChangeFeedSchema = z
  .object({
    items: z.array(AppointmentChangeSchema),
    next: z.string().openapi({ description: 'The cursor to ask with next time (`after`); the same place when nothing was new.' }),
  })
  .openapi('AppointmentChangeFeed');
