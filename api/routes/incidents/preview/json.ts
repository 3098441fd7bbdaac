import type { z } from '@hono/zod-openapi';
import type { ReschedulePreview } from '../../../appointments/preview-reschedule';
import type { BroadcastPreview } from '../../../broadcast/preview-incident-broadcast';
import type { BroadcastPreviewSchema, ReschedulePreviewSchema } from './schema';

/** The reschedule preview on the wire, the same in /preview and /affected?preview=true. */
export function reschedulePreviewJson(preview: ReschedulePreview): z.infer<typeof ReschedulePreviewSchema> {
  return {
    expected_restoration: preview.expectedRestoration,
    affected: preview.affected,
    offices: preview.offices.map((office) => ({
      office: office.office,
      service: office.service,
      count: office.count,
      first_new_date: office.firstNewDate,
      last_new_date: office.lastNewDate,
    })),
    waiting_over_21_days: preview.waitingOver21Days,
    unplaced: preview.unplaced,
  };
}

export function previewJson(preview: BroadcastPreview): z.infer<typeof BroadcastPreviewSchema> {
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
    reschedule: reschedulePreviewJson(preview.reschedule),
  };
}
