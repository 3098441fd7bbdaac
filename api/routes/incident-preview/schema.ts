import { z } from '@hono/zod-openapi';
import type { BroadcastPreview } from '../../broadcast/preview-incident-broadcast';

export const PreviewParamSchema = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'p31zjtct2jer' }) });

const EmailSchema = z.object({ subject: z.string(), html: z.string(), text: z.string() });

export const BroadcastPreviewSchema = z
  .object({
    update: z.object({ id: z.string(), state: z.string(), status: z.string() }),
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
    reschedule: z.object({
      expected_restoration: z.string().nullable(),
      affected: z.number().int(),
      offices: z.array(
        z.object({ office: z.string(), service: z.string(), count: z.number().int(), first_new_date: z.string().nullable(), last_new_date: z.string().nullable() }),
      ),
      waiting_over_21_days: z.number().int(),
      unplaced: z.number().int().openapi({ description: 'Affected appointments that would get no new date.' }),
    }),
  })
  .openapi('BroadcastPreview');

export function previewJson(preview: BroadcastPreview): z.infer<typeof BroadcastPreviewSchema> {
  const { reschedule } = preview;
  return {
    update: preview.update,
    revision: preview.revision,
    x: {
      text: preview.x.text,
      weighted_length: preview.x.weightedLength,
      max_weighted_length: preview.x.maxWeightedLength,
      valid: preview.x.valid,
      is_reply: preview.x.isReply,
      in_reply_to_post_id: preview.x.inReplyToPostId,
      in_reply_to_update_id: preview.x.inReplyToUpdateId,
    },
    emails: preview.emails,
    reschedule: {
      expected_restoration: reschedule.expectedRestoration,
      affected: reschedule.affected,
      offices: reschedule.offices.map((office) => ({
        office: office.office,
        service: office.service,
        count: office.count,
        first_new_date: office.firstNewDate,
        last_new_date: office.lastNewDate,
      })),
      waiting_over_21_days: reschedule.waitingOver21Days,
      unplaced: reschedule.unplaced,
    },
  };
}
