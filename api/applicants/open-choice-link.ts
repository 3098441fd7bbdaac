import { and, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { appointmentMoves } from '../../db/schema/index';
import { readChooseDateToken } from '../broadcast/messages/choose-date-token';
import type { Config } from '../config';

/** Whose appointment a "choose another date" link is about, and the incident whose email carried it. */
export type ChoiceLink = { reference: string; incidentId: string | null };

/**
 * The appointment behind a signed link, or null when the token is forged, altered, made for
 * another purpose (a calendar link) or names a move that no longer exists.
 */
export async function openChoiceLink(db: DatabaseOrTransaction, config: Config, token: string): Promise<ChoiceLink | null> {
  const subject = readChooseDateToken(token, config.calendarSigningSecret);
  if (!subject) return null;
  const [move] = await db
    .select({ incidentId: appointmentMoves.incidentId })
    .from(appointmentMoves)
    .where(and(eq(appointmentMoves.id, subject.moveId), eq(appointmentMoves.reference, subject.reference)));
  return move ? { reference: subject.reference, incidentId: move.incidentId } : null;
}
