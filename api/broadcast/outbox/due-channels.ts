import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { DeliveryChannel } from '../../../db/schema/index';

/**
 * Which of `channels` have a delivery a lane may claim now: pending and due (unbatched, or a batch
 * waiting for its retry), or in flight under a lease that ran out. One statement for every channel,
 * each test a seek on the deliveries_due index that stops at the first row it finds. It answers a
 * superset of what the lanes claim (an X reply still waiting for its parent counts): a lane it
 * wakes checks for itself and finds nothing, as it would have on a timed poll.
 */
export async function dueChannels(db: Database, channels: readonly DeliveryChannel[], now: Date): Promise<Set<DeliveryChannel>> {
  if (channels.length === 0) return new Set();
  const at = now.toISOString();
  const rows = await db.all<{ channel: DeliveryChannel }>(sql`
    SELECT c.value AS channel FROM json_each(${JSON.stringify(channels)}) AS c
    WHERE EXISTS (SELECT 1 FROM deliveries AS d
        WHERE d.channel = c.value AND d.state = 'pending' AND d.batch_id IS NULL AND d.next_attempt_at <= ${at})
      OR EXISTS (SELECT 1 FROM deliveries AS d
        WHERE d.channel = c.value AND d.state = 'pending' AND d.batch_id IS NOT NULL AND d.next_attempt_at <= ${at})
      OR EXISTS (SELECT 1 FROM deliveries AS d
        WHERE d.channel = c.value AND d.state = 'sending' AND d.lease_expires_at < ${at})`);
  return new Set(rows.map((row) => row.channel));
}
