import { sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { eventLoopSlices } from '../event-loop-slices';
import { newIds } from '../ids';

/** `toOffice`: only when the appointment also changes office (an applicant's choice of a nearby office). */
export type MoveToWrite = { reference: string; toDate: string; toOffice?: string };
export type MoveContext = { incidentId: string | null; reason: string; movedBy: string | null; now: Date };

/**
 * On the local driver, which is synchronous, the moves are written in this many parts (fewer when
 * there are fewer moves), whatever their number, so the event loop gets a turn between parts.
 */
export const moveWriteParts = 12;
/**
 * On a libSQL server by URL every statement is a network round trip and already gives the event
 * loop its turn, so parts only bound the size of one request (about 2 MB of JSON at 50,000 moves).
 */
export const movesPerRemotePart = 50_000;

/**
 * Runs `statement` and tells whether awaiting it gave the event loop a turn: not on the local
 * driver, which answers within the same turn; yes across a network (or its simulation in the bench).
 */
async function yieldsTheEventLoop<T>(statement: Promise<T>): Promise<{ result: T; yielded: boolean }> {
  let yielded = false;
  const probe = setImmediate(() => (yielded = true));
  const result = await statement;
  clearImmediate(probe);
  return { result, yielded };
}

/** `items` cut into at most `parts` runs of (nearly) equal length, in order. */
function inParts<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  const runs: T[][] = [];
  for (let start = 0; start < items.length; start += size) runs.push(items.slice(start, start + size));
  return runs;
}

/**
 * Moves appointments and, for each move, records it in appointment_moves and queues one pending
 * applicant email in deliveries (superseding one still unsent). Set-based: one read, then four
 * statements per part (moves, appointments, superseded emails, new emails), each carrying its
 * part's rows as one JSON array parameter, never a statement per row, so a publish makes as many
 * round trips for 50,000 moves as for 1,000 (on the local driver, for any number). The "from"
 * date is read from the row itself. Move ids are allotted here so each email can name its move
 * without reading it back: the libSQL write transaction holds the write lock meanwhile. Between
 * parts it lets the event loop run now and then (that costs no round trip); the transaction stays
 * open, so nobody sees half a publish.
 */
export async function writeMoves(tx: Transaction, moves: MoveToWrite[], context: MoveContext): Promise<number> {
  if (moves.length === 0) return 0;
  const at = context.now.toISOString();
  const endSliceIfDue = eventLoopSlices();
  const { result: [{ lastId }], yielded } = await yieldsTheEventLoop(tx.all<{ lastId: number }>(sql`SELECT coalesce(max(id), 0) AS lastId FROM appointment_moves`));
  const deliveryIds = newIds(moves.length);
  const parts = yielded ? Math.ceil(moves.length / movesPerRemotePart) : moveWriteParts;

  let firstId = Number(lastId) + 1;
  let written = 0;
  for (const part of inParts(moves, parts)) {
    await endSliceIfDue();
    const lastPartId = firstId + part.length - 1;
    const rows = JSON.stringify(part.map((move) => [move.reference, move.toDate, move.toOffice ?? null]));
    await tx.run(sql`
      INSERT INTO appointment_moves (id, reference, from_date, to_date, from_office, to_office, incident_id, at, reason, moved_by)
      SELECT CAST(${firstId} AS INTEGER) + r.key, a.reference, a.appointment_date, json_extract(r.value, '$[1]'), a.office_code,
        coalesce(json_extract(r.value, '$[2]'), a.office_code), ${context.incidentId}, ${at}, ${context.reason}, ${context.movedBy}
      FROM json_each(${rows}) AS r JOIN appointments AS a ON a.reference = json_extract(r.value, '$[0]')`);
    await tx.run(sql`
      UPDATE appointments SET appointment_date = m.to_date, office_code = m.to_office, status = 'rescheduled', updated_at = ${at}
      FROM appointment_moves AS m
      WHERE m.id BETWEEN ${firstId} AND ${lastPartId} AND m.reference = appointments.reference`);
    // An email still waiting, never claimed, would tell the applicant a date that is already gone:
    // the new move's email replaces it (and names the date they last heard of, see
    // api/broadcast/messages/last-announced-dates.ts). Emails already claimed may have been sent; they stay.
    // Found from the moves (every applicant email names its move): this part's moves, each
    // appointment's earlier moves, their emails, by index. CROSS JOIN keeps that order: left to
    // itself SQLite's planner starts from the waiting emails and reads every one of them, for each
    // part and for a single re-booking (37 ms on a 100,000-appointment database).
    await tx.run(sql`
      UPDATE deliveries SET state = 'superseded', updated_at = ${at}
      WHERE id IN (
        SELECT d.id FROM appointment_moves AS m
        CROSS JOIN appointment_moves AS earlier
        CROSS JOIN deliveries AS d
        WHERE m.id BETWEEN ${firstId} AND ${lastPartId}
          AND earlier.reference = m.reference AND earlier.id < CAST(${firstId} AS INTEGER)
          AND d.move_id = earlier.id AND d.channel = 'applicant_email' AND d.state = 'pending' AND d.batch_id IS NULL)`);
    await tx.run(sql`
      INSERT INTO deliveries (id, channel, incident_id, move_id, recipient, state, idempotency_key, payload, attempts, next_attempt_at, created_at, updated_at)
      SELECT d.value, 'applicant_email', m.incident_id, m.id, m.reference, 'pending', 'applicant_email:move:' || m.id, NULL, 0, ${at}, ${at}, ${at}
      FROM json_each(${JSON.stringify(deliveryIds.slice(written, written + part.length))}) AS d
      JOIN appointment_moves AS m ON m.id = CAST(${firstId} AS INTEGER) + d.key`);
    firstId = lastPartId + 1;
    written += part.length;
  }
  return moves.length;
}
