import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../db/client';
import { appointmentMoves, deliveries } from '../../../db/schema/index';

/**
 * For each move, the date its applicant last knew before it: the booked date, or the date of the
 * last email that went out. A superseded email was never sent, so its date was never announced;
 * the email that replaces it speaks from the date before. Keyed by move id.
 */
export async function lastAnnouncedDates(db: DatabaseOrTransaction, moveIds: number[]): Promise<Map<number, string>> {
  const announced = new Map<number, string>();
  if (moveIds.length === 0) return announced;
  // One round trip per batch: the whole move history of the applicants these moves belong to.
  const subjects = db.select({ reference: appointmentMoves.reference }).from(appointmentMoves).where(inArray(appointmentMoves.id, moveIds));
  const history = await db
    .select({ id: appointmentMoves.id, reference: appointmentMoves.reference, fromDate: appointmentMoves.fromDate, emailState: deliveries.state })
    .from(appointmentMoves)
    .leftJoin(deliveries, and(eq(deliveries.moveId, appointmentMoves.id), eq(deliveries.channel, 'applicant_email')))
    .where(inArray(appointmentMoves.reference, subjects))
    .orderBy(asc(appointmentMoves.id));

  const byReference = new Map<string, typeof history>();
  for (const move of history) {
    const moves = byReference.get(move.reference) ?? [];
    moves.push(move);
    byReference.set(move.reference, moves);
  }
  const wanted = new Set(moveIds);
  for (const moves of byReference.values()) {
    moves.forEach((move, index) => {
      if (!wanted.has(move.id)) return;
      let first = index;
      while (first > 0 && moves[first - 1].emailState === 'superseded') first -= 1;
      announced.set(move.id, moves[first].fromDate);
    });
  }
  return announced;
}
