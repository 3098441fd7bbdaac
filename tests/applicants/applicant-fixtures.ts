import { and, desc, eq } from 'drizzle-orm';
import { renderApplicantEmailPayloads } from '../../api/broadcast/messages/applicant-email-payloads';
import { appointments, deliveries, offices } from '../../db/schema/index';
import { addAppointments, addIncident, addOffice, weekdays } from '../appointments/appointment-fixtures';
import { runReschedule } from '../appointments/run-reschedule';
import type { TestContext } from '../support/test-context';

/**
 * Friday 29 May 2026 in Nairobi. Saturday 30, Sunday 31 and Madaraka Day (1 June) are closed; the
 * outage "Outage inc" disrupts applications everywhere on 2 and 3 June (restoration on the 4th),
 * so R1 (2 June) and R2 (3 June) move to 4 June, the first day back with room.
 */
export const today = new Date('2026-05-29T08:00:00.000Z');

export async function movedByOutage(t: TestContext, options: { capacity?: number; references?: string[] } = {}): Promise<void> {
  t.now.value = today;
  await addOffice(t.db, 'NYH', { application: weekdays(options.capacity ?? 3), collection: weekdays(options.capacity ?? 3) });
  await t.db.update(offices).set({ name: 'Nyayo House', address: 'Kenyatta Avenue, Nairobi' }).where(eq(offices.code, 'NYH'));
  const references = options.references ?? ['R1', 'R2'];
  await addAppointments(
    t.db,
    references.map((reference, i) => ({ reference, office: 'NYH', service: 'application' as const, date: i % 2 === 0 ? '2026-06-02' : '2026-06-03' })),
  );
  await t.db.update(appointments).set({ fullName: 'Amina Wanjiru Otieno', email: 'Amina@Example.org' }).where(eq(appointments.reference, 'R1'));
  await addIncident(t.db, { id: 'inc', disruptionFrom: '2026-06-02', expectedRestoration: '2026-06-04', disrupts: [{ service: 'application', office: null }] });
  await runReschedule(t.db, 'inc');
}

/** The latest email queued for an appointment, rendered as the worker would render it. */
export async function latestEmail(t: TestContext, reference: string) {
  const [delivery] = await t.db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(eq(deliveries.recipient, reference), eq(deliveries.channel, 'applicant_email')))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.moveId))
    .limit(1);
  const [rendered] = await renderApplicantEmailPayloads(t.db, t.config, [delivery.id]);
  if (!('message' in rendered)) throw new Error(rendered.problem);
  return rendered.message;
}

/** The path of the "choose another date" link in an applicant's latest email. */
export async function chooseLinkPath(t: TestContext, reference: string): Promise<string> {
  const { text } = await latestEmail(t, reference);
  const url = /https?:\/\/\S+\/appointment\/choose\/[A-Za-z0-9_-]+/.exec(text ?? '')?.[0];
  if (!url) throw new Error(`No choose link in the email of ${reference}`);
  return new URL(url).pathname;
}

/** Posts a form as a browser would, from `address` (the connection's own, which the limits key on). */
export function postForm(t: TestContext, path: string, fields: Record<string, string>, address?: string): Promise<Response> {
  const init = { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() };
  return Promise.resolve(t.app.request(path, init, address ? { incoming: { socket: { remoteAddress: address } } } : undefined));
}
