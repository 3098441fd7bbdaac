import type { Database } from '../../db/client';
import { inArray } from 'drizzle-orm';
import { appointmentMoves, appointments, deliveries, deliveryMessages, incidentUpdates, incidents, offices, type AppointmentLanguage, type AppointmentService } from '../../db/schema/index';
import { enqueueUpdateDeliveries } from '../../api/broadcast/outbox/enqueue-update-deliveries';
import { newId } from '../../api/ids';

/**
 * Builds, straight through drizzle, what the incident and appointment domains leave behind when
 * an update is published: the incident, its published updates (with their X deliveries, queued by
 * the real enqueueUpdateDeliveries), appointments, their moves and one applicant_email delivery
 * per move, shaped as rescheduleAffectedAppointments writes them.
 */
export async function createIncident(db: Database, name = 'Passport services down at Nyayo House'): Promise<string> {
  const id = newId();
  await db.insert(incidents).values({ id, name, status: 'investigating', impact: 'major', disruptionFrom: '2026-11-25', expectedRestoration: '2026-12-01' });
  return id;
}

export async function publishTestUpdate(
  db: Database,
  incidentId: string,
  update: { body: string; status?: 'investigating' | 'identified' | 'monitoring' | 'resolved'; xText?: string },
  now = new Date(),
): Promise<string> {
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.insert(incidentUpdates).values({
      id,
      incidentId,
      state: 'published',
      status: update.status ?? 'investigating',
      body: update.body,
      xText: update.xText ?? null,
      publishedAt: now.toISOString(),
    });
    await enqueueUpdateDeliveries(tx, { incidentId, updateId: id, now });
  });
  return id;
}

export async function createOffice(db: Database, code = 'NYH'): Promise<void> {
  await db
    .insert(offices)
    .values({ code, name: 'Nyayo House', address: 'Kenyatta Avenue / Uhuru Highway, Nairobi', applicationCapacity: [50, 50, 50, 50, 50, 0, 0], collectionCapacity: [50, 50, 50, 50, 50, 0, 0] })
    .onConflictDoNothing();
}

export type MovedAppointment = { reference: string; email: string; moveId: number; deliveryId: string };

/** `count` appointments moved by the incident, each with its pending applicant_email delivery. */
export async function createMovedAppointments(
  db: Database,
  incidentId: string,
  count: number,
  options: { email?: (index: number) => string; language?: (index: number) => AppointmentLanguage; service?: AppointmentService; prefix?: string } = {},
): Promise<MovedAppointment[]> {
  await createOffice(db);
  const created: MovedAppointment[] = [];
  const prefix = options.prefix ?? 'A';
  for (let start = 0; start < count; start += 500) {
    const chunk = Array.from({ length: Math.min(500, count - start) }, (_, offset) => start + offset);
    await db.transaction(async (tx) => {
      await tx.insert(appointments).values(
        chunk.map((index) => ({
          reference: `${prefix}${String(index).padStart(6, '0')}`,
          fullName: `Applicant ${index}`,
          email: options.email?.(index) ?? `applicant${index}@example.com`,
          language: options.language?.(index) ?? (index % 2 ? 'sw' : 'en'),
          service: options.service ?? 'application',
          officeCode: 'NYH',
          appointmentDate: '2026-12-01',
          status: 'rescheduled' as const,
        })),
      );
      const moves = await tx
        .insert(appointmentMoves)
        .values(chunk.map((index) => ({ reference: `${prefix}${String(index).padStart(6, '0')}`, fromDate: '2026-11-26', toDate: '2026-12-01', incidentId, reason: 'outage' })))
        .returning({ id: appointmentMoves.id, reference: appointmentMoves.reference });
      const rows = moves.map((move) => ({
        id: newId(),
        channel: 'applicant_email' as const,
        incidentId,
        moveId: move.id,
        recipient: move.reference,
        state: 'pending' as const,
        idempotencyKey: `applicant_email:move:${move.id}`,
        payload: null,
      }));
      await tx.insert(deliveries).values(rows);
      moves.forEach((move, offset) =>
        created.push({ reference: move.reference, email: options.email?.(chunk[offset]) ?? `applicant${chunk[offset]}@example.com`, moveId: move.id, deliveryId: rows[offset].id }),
      );
    });
  }
  return created;
}

/** The message stored for each email delivery (by the claim that formed its batch), by delivery id. */
export async function storedMessages(db: Database, deliveryIds: string[]): Promise<Map<string, Record<string, unknown>>> {
  const rows = await db.select().from(deliveryMessages).where(inArray(deliveryMessages.deliveryId, deliveryIds));
  return new Map(rows.map((row) => [row.deliveryId, row.message]));
}
