import { sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { eventLoopSlices } from '../event-loop-slices';
import { newIds } from '../ids';

export type MoveToWrite = { reference: string; toDate: string };
export type MoveContext = { incidentId: string | null; reason: string; movedBy: string | null; now: Date };

/** Rows per delivery statement: big enough to amortise a round trip, short enough not to hold the event loop for long. */
const chunkSize = 2_000;

/**
 * Moves appointments and, for each move, records it in appointment_moves and queues one pending
 * applicant email in deliveries (superseding one still unsent), with set-based statements over JSON array parameters (two per
 * new date, one per 10,000 emails; never one per row). Moves sharing a new date are written
 * together, so each statement binds just one date and a flat list of references, and the
 * "from" date is read from the row itself. Move ids are allotted here so each email can name its
 * move without reading it back: the libSQL write transaction holds the write lock meanwhile.
 * Between statements it lets the event loop run now and then (the local driver is synchronous, and
 * the same process serves the status page); the transaction stays open, so nobody sees half a publish.
 */
export async function writeMoves(tx: Transaction, moves: MoveToWrite[], context: MoveContext): Promise<number> {
  if (moves.length === 0) return 0;
  const at = context.now.toISOString();
  const endSliceIfDue = eventLoopSlices();
  const [{ lastId }] = await tx.all<{ lastId: number }>(sql`SELECT coalesce(max(id), 0) AS lastId FROM appointment_moves`);
  const firstId = Number(lastId) + 1;

  const byNewDate = new Map<string, string[]>();
  for (const move of moves) {
    const references = byNewDate.get(move.toDate);
    if (references) references.push(move.reference);
    else byNewDate.set(move.toDate, [move.reference]);
  }
  let nextId = firstId;
  for (const [toDate, references] of byNewDate) {
    await endSliceIfDue();
    const list = JSON.stringify(references);
    await tx.run(sql`
      INSERT INTO appointment_moves (id, reference, from_date, to_date, incident_id, at, reason, moved_by)
      SELECT CAST(${nextId} AS INTEGER) + r.key, r.value, a.appointment_date, ${toDate}, ${context.incidentId}, ${at}, ${context.reason}, ${context.movedBy}
      FROM json_each(${list}) AS r JOIN appointments AS a ON a.reference = r.value`);
    await tx.run(sql`
      UPDATE appointments SET appointment_date = ${toDate}, status = 'rescheduled', updated_at = ${at}
      WHERE reference IN (SELECT value FROM json_each(${list}))`);
    nextId += references.length;
  }

  // An email still waiting, never claimed, would tell the applicant a date that is already gone:
  // the new move's email replaces it (and names the date they last heard of, see
  // api/broadcast/messages/last-announced-dates.ts). Emails already claimed may have been sent; they stay.
  for (let start = 0; start < moves.length; start += chunkSize) {
    await endSliceIfDue();
    await tx.run(sql`
      UPDATE deliveries SET state = 'superseded', updated_at = ${at}
      WHERE channel = 'applicant_email' AND state = 'pending' AND batch_id IS NULL
        AND recipient IN (SELECT value FROM json_each(${JSON.stringify(moves.slice(start, start + chunkSize).map((move) => move.reference))}))`);
  }

  const deliveryIds = newIds(moves.length);
  for (let start = 0; start < deliveryIds.length; start += chunkSize) {
    await endSliceIfDue();
    await tx.run(sql`
      INSERT INTO deliveries (id, channel, incident_id, move_id, recipient, state, idempotency_key, payload, attempts, next_attempt_at, created_at, updated_at)
      SELECT d.value, 'applicant_email', m.incident_id, m.id, m.reference, 'pending', 'applicant_email:move:' || m.id, NULL, 0, ${at}, ${at}, ${at}
      FROM json_each(${JSON.stringify(deliveryIds.slice(start, start + chunkSize))}) AS d
      JOIN appointment_moves AS m ON m.id = CAST(${firstId + start} AS INTEGER) + d.key`);
  }
  return moves.length;
}
