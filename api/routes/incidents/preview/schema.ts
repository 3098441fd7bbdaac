import { z } from '@hono/zod-openapi';
import { allIncidentStatuses, appointmentServices, updateStates } from '../../../../db/schema/constants';

const EmailSchema = z.object({ subject: z.string(), html: z.string(), text: z.string() });

/** What publishing would do to appointments; also `preview` in GET /incidents/{id}/affected?preview=true. */
export const ReschedulePreviewSchema = z
  .object({
    expected_restoration: z.string().nullable().openapi({ description: 'The restoration date the preview assumes (the pending update’s, else the incident’s).' }),
    affected: z.number().int(),
    offices: z.array(
      z.object({
        office: z.string(),
        service: z.enum(appointmentServices),
        count: z.number().int(),
        first_new_date: z.string().nullable(),
        last_new_date: z.string().nullable(),
      }),
    ),
    waiting_over_21_days: z.number().int().openapi({ description: 'Applicants whose new date would be more than 21 days after their original date.' }),
    unplaced: z.number().int().openapi({ description: 'Affected appointments that would get no new date.' }),
  })
  .openapi('ReschedulePreview');

export const BroadcastPreviewSchema = z
  .object({
    update: z.object({ id: z.string(), state: z.enum(updateStates), status: z.enum(allIncidentStatuses) }),
    revision: z.string().openapi({
      description:
        'A hash of exactly what publishing would release (the pending update and the incident fields sent with it). Pass it as `revision` (or `If-Match`) to approve and publish; it changes whenever that content does.',
      example: '3f9a1c2b7d4e5f60',
    }),
    x: z.object({
      text: z.string(),
      weighted_length: z.number().int().openapi({ description: 'X’s own count: URLs 23, emoji and CJK 2.' }),
      max_weighted_length: z.number().int(),
      valid: z.boolean(),
      is_reply: z.boolean().openapi({ description: 'Whether the post continues the incident’s thread.' }),
      in_reply_to_post_id: z.string().nullable(),
      in_reply_to_update_id: z.string().nullable(),
    }),
    emails: z.object({ en: EmailSchema, sw: EmailSchema }).openapi({ description: 'A sample applicant email with placeholder applicant data.' }),
    reschedule: ReschedulePreviewSchema,
  })
  .openapi('BroadcastPreview');
