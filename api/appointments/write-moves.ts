import { sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { newId } from '../ids';

export type MoveToWrite = { reference: string; fromDate: string; toDate: string };
export type MoveContext = { incidentId: string | null; reason: string; movedBy: string | null; now: Date };

/** Rows per statement: big enough to amortise each round trip, small enough for one JSON parameter. */
const chunkSize = 10_000;

/**
 * Moves appointments and, for each move, records it in appointment_moves and queues one pending
 * applicant email in deliveries, all with set-based statements over a JSON array (three
 * statements per chunk, never one per row). Move ids are allotted here so the delivery can name
 * its move without reading it back; the libSQL write transaction holds the write lock, so
 * nobody else can take them meanwhile. Call inside a transaction.
 */
export async function writeMoves(tx: Transaction, moves: MoveToWrite[], context: MoveContext): Promise<number[]> {
  if (moves.length === 0) return [];
  const at = context.now.toISOString();
  const [{ lastId }] = await tx.all<{ lastId: number }>(sql`SELECT coalesce(max(id), 0) AS lastId FROM appointment_moves`);
  const moveIds: number[] = [];
  for (let start = 0; start < moves.length; start += chunkSize) {
    const chunk = moves.slice(start, start + chunkSize).map((move, i) => {
      const moveId = Number(lastId) + start + i + 1;
      moveIds.push(moveId);
      return { r: move.reference, f: move.fromDate, t: move.toDate, m: moveId, d: newId() };
    });
    const json = JSON.stringify(chunk);
    await tx.run(sql`
      UPDATE appointments
      SET appointment_date = json_extract(j.value, '$.t'), status = 'rescheduled', updated_at = ${at}
      FROM json_each(${json}) AS j
      WHERE appointments.reference = json_extract(j.value, '$.r')`);
    await tx.run(sql`
      INSERT INTO appointment_moves (id, reference, from_date, to_date, incident_id, at, reason, moved_by)
      SELECT json_extract(j.value, '$.m'), json_extract(j.value, '$.r'), json_extract(j.value, '$.f'), json_extract(j.value, '$.t'),
        ${context.incidentId}, ${at}, ${context.reason}, ${context.movedBy}
      FROM json_each(${json}) AS j`);
    await tx.run(sql`
      INSERT INTO deliveries (id, channel, incident_id, move_id, recipient, state, idempotency_key, payload, attempts, next_attempt_at, created_at, updated_at)
      SELECT json_extract(j.value, '$.d'), 'applicant_email', ${context.incidentId}, json_extract(j.value, '$.m'), json_extract(j.value, '$.r'),
        'pending', 'applicant_email:move:' || json_extract(j.value, '$.m'), NULL, 0, ${at}, ${at}, ${at}
      FROM json_each(${json}) AS j`);
  }
  return moveIds;
}
