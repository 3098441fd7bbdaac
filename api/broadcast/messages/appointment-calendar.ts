import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import ical from 'ical-generator';
import type { DatabaseOrTransaction } from '../../../db/client';
import { appointmentMoves, appointments, offices } from '../../../db/schema/index';
import type { Config } from '../../config';
import { applicantEmailWording } from './applicant-email-wording';
import { withoutBidiControls } from '../../text/isolate-bidi';
import { readCalendarToken } from './calendar-token';

/**
 * The .ics behind an email's "add to calendar" link: one all-day event at the office on the
 * appointment's current date (so an older email's link shows the latest date, and the stable UID
 * lets calendar apps update the event rather than add a second). Null when the token does not open
 * or no longer matches an appointment. No name or address of the applicant is in it.
 */
export async function buildAppointmentCalendar(db: DatabaseOrTransaction, config: Config, token: string): Promise<string | null> {
  const subject = readCalendarToken(token, config.calendarSigningSecret);
  if (!subject) return null;
  const [found] = await db
    .select({ appointment: appointments, office: offices })
    .from(appointmentMoves)
    .innerJoin(appointments, eq(appointments.reference, appointmentMoves.reference))
    .leftJoin(offices, eq(offices.code, appointments.officeCode))
    .where(and(eq(appointmentMoves.id, subject.moveId), eq(appointmentMoves.reference, subject.reference)));
  if (!found || found.appointment.status === 'cancelled') return null;
  const { appointment, office } = found;
  const words = applicantEmailWording[appointment.language];
  const officeName = office?.name ?? appointment.officeCode;
  const calendar = ical({ name: config.site.name, prodId: { company: 'Hali', product: 'appointments', language: appointment.language.toUpperCase() } });
  calendar.createEvent({
    id: `${createHash('sha256').update(appointment.reference).digest('hex').slice(0, 24)}@hali`,
    start: new Date(`${appointment.appointmentDate}T12:00:00Z`),
    allDay: true,
    summary: words.calendarSummary(appointment.service, withoutBidiControls(officeName)),
    location: [officeName, office?.address].map((part) => part && withoutBidiControls(part)).filter(Boolean).join(', '),
    description: [
      `${words.referenceLabel}: ${appointment.reference}`,
      `${words.bringHeading}:`,
      ...words.bring[appointment.service].map((item) => `- ${item}`),
    ].join('\n'),
  });
  return calendar.toString();
}
