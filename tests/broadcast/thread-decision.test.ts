import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveries, type DeliveryRow } from '../../db/schema/index';
import { draftIncident, expectJson, outageDraft, publish } from '../api/staff-api-fixtures';
import { createBroadcastHarness, type BroadcastHarness } from './broadcast-harness';

let h: BroadcastHarness;
afterEach(async () => h?.close());

type PreviewX = { is_reply: boolean; in_reply_to_post_id: string | null; in_reply_to_update_id: string | null };

async function xDeliveryOf(updateId: string): Promise<DeliveryRow> {
  const [row] = await h.t.db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.channel, 'x'), eq(deliveries.updateId, updateId)));
  return row;
}

/** Previews the pending update, publishes it, and returns what the preview said beside what publish queued. */
async function previewThenPublish(incidentId: string) {
  const preview = await expectJson(await h.t.request('GET', `/api/v1/incidents/${incidentId}/preview`, { token: h.t.tokens.drafter }), 200);
  expect((await publish(h.t, incidentId, h.t.tokens.publisher)).status).toBe(200);
  const queued = await xDeliveryOf(preview.update.id);
  const replyToDeliveryId = (queued.payload as { replyToDeliveryId: string | null }).replyToDeliveryId;
  const parent = replyToDeliveryId ? (await h.t.db.select().from(deliveries).where(eq(deliveries.id, replyToDeliveryId)))[0] : null;
  return { shown: preview.x as PreviewX, parent };
}

async function draftUpdate(incidentId: string, status: string, body: string) {
  await expectJson(await h.t.request('POST', `/api/v1/incidents/${incidentId}/updates`, { token: h.t.tokens.drafter, json: { status, body } }), 201);
}

describe('thread decision', () => {
  it('the preview names the same post to reply to as publish then queues, at every step of a thread', async () => {
    h = await createBroadcastHarness();
    const incident = await draftIncident(h.t, outageDraft());
    const steps: { shown: PreviewX; parent: DeliveryRow | null }[] = [];

    steps.push(await previewThenPublish(incident.id)); // first post: starts the thread
    await draftUpdate(incident.id, 'identified', 'The cause is a failed storage system.');
    steps.push(await previewThenPublish(incident.id)); // replies to a post still queued (no id yet)
    await h.worker.drainOnce();
    await draftUpdate(incident.id, 'resolved', 'Services are back; affected applicants have new dates.');
    steps.push(await previewThenPublish(incident.id)); // replies to a post that is on X
    await h.worker.drainOnce();
    await draftUpdate(incident.id, 'resolved', 'Postmortem: what went wrong and what we changed.');
    steps.push(await previewThenPublish(incident.id)); // after the resolution: a new thread

    for (const { shown, parent } of steps) {
      expect(shown).toMatchObject({
        is_reply: parent !== null,
        in_reply_to_post_id: parent?.providerId ?? null,
        in_reply_to_update_id: parent?.updateId ?? null,
      });
    }
    expect(steps.map((step) => step.shown.is_reply)).toEqual([false, true, true, false]);
    expect(steps[1].shown.in_reply_to_post_id).toBeNull();
    expect(steps[2].shown.in_reply_to_post_id).toBe(h.x.posts[1].id);
  });
});
