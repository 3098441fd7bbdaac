import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../../db/client';
import type { Config } from '../config';
import { maxEmailLength, maxReferenceLength } from './lookup-limits';
import { readAppointmentRecord, summariseAppointmentRecord, type AppointmentSummary } from './appointment-summary';
import type { ApplicantVisitRecorder } from './record-applicant-action';


// Per process: the digests are only ever compared with each other, never stored.
const comparisonKey = randomBytes(32);
const digest = (email: string) => createHmac('sha256', comparisonKey).update(email.trim().toLowerCase()).digest();

/**
 * The appointment whose reference and email on file both match, or null. A wrong reference and a
 * wrong email take the same path: one indexed read by reference (the appointment with its
 * office), then a keyed digest of both addresses compared in constant time (an absent appointment
 * is compared against an empty address), so neither the answer nor the time tells whether the
 * reference exists. Only a right pair does more (reading its moves, noting the visit).
 */
export async function lookupAppointment(
  db: Database,
  config: Config,
  given: { reference: string; email: string },
  now: Date,
  visits: ApplicantVisitRecorder,
): Promise<AppointmentSummary | null> {
  const reference = given.reference.trim().slice(0, maxReferenceLength);
  const appointment = await readAppointmentRecord(db, reference);
  const sameEmail = timingSafeEqual(digest(appointment?.email ?? ''), digest(given.email.slice(0, maxEmailLength)));
  if (!appointment || !sameEmail || given.email.trim() === '') return null;
  const summary = await summariseAppointmentRecord(db, config, reference, appointment);
  if (summary.incidentId) visits.note({ incidentId: summary.incidentId, reference, action: 'looked_up', now });
  return summary;
}
