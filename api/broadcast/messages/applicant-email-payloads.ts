import { eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../db/client';
import { appointmentMoves, appointments, deliveries, incidents, offices } from '../../../db/schema/index';
import type { Config } from '../../config';
import { eventLoopSlices } from '../../event-loop-slices';
import { lastAnnouncedDates } from './last-announced-dates';
import { createCalendarToken } from './calendar-token';
import type { EmailMessage } from '../email/resend-channel';
import { applicantChoiceReason } from '../../applicants/applicant-choice';
import { chooseDateUrl } from './choose-date-token';
import { renderApplicantEmail, type RenderedEmail } from './render-applicant-email';
import { renderChoiceConfirmationEmail } from './render-choice-confirmation-email';

export type ApplicantEmailPayloadResult = { deliveryId: string } & ({ message: EmailMessage } | { problem: string });

// Deliberately loose: it only catches what Resend would refuse outright, without naming the address.
const plausibleEmail = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/** Resend tag values allow only [A-Za-z0-9_-]. */
export function tagValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256);
}

export function calendarUrl(config: Config, subject: { reference: string; moveId: number }): string {
  return `${config.publicUrl}/calendar/${createCalendarToken(subject, config.calendarSigningSecret)}.ics`;
}

// One for every caller (the worker runs several email lanes at once): once any of them has held
// the event loop for a slice, each pauses at its next check, so a 100,000-email fan-out (a dry run
// renders and records as fast as the database allows) never stops the same process serving pages.
const endSliceIfDue = eventLoopSlices();

/**
 * Renders the email of each applicant_email delivery from its move, appointment, office and
 * incident as they are now. The caller stores the result in the payload before the first attempt,
 * so retries send byte-for-byte the same batch.
 */
export async function renderApplicantEmailPayloads(
  db: DatabaseOrTransaction,
  config: Config,
  deliveryIds: string[],
): Promise<ApplicantEmailPayloadResult[]> {
  if (deliveryIds.length === 0) return [];
  await endSliceIfDue();
  const rows = await db
    // Only the columns the email needs: this runs for every batch of a 100,000-email fan-out.
    .select({
      delivery: { id: deliveries.id },
      move: { id: appointmentMoves.id, fromDate: appointmentMoves.fromDate, toDate: appointmentMoves.toDate, incidentId: appointmentMoves.incidentId, reason: appointmentMoves.reason },
      appointment: {
        reference: appointments.reference,
        fullName: appointments.fullName,
        email: appointments.email,
        language: appointments.language,
        service: appointments.service,
        officeCode: appointments.officeCode,
      },
      office: { name: offices.name, address: offices.address },
      incident: { id: incidents.id, name: incidents.name },
    })
    .from(deliveries)
    .leftJoin(appointmentMoves, eq(appointmentMoves.id, deliveries.moveId))
    .leftJoin(appointments, eq(appointments.reference, appointmentMoves.reference))
    .leftJoin(offices, eq(offices.code, appointments.officeCode))
    .leftJoin(incidents, eq(incidents.id, deliveries.incidentId))
    .where(inArray(deliveries.id, deliveryIds));

  const announced = await lastAnnouncedDates(db, rows.flatMap(({ move }) => (move ? [move.id] : [])));
  const results: ApplicantEmailPayloadResult[] = [];
  for (const { delivery, move, appointment, office, incident } of rows) {
    await endSliceIfDue();
    if (!move || !appointment) {
      results.push({ deliveryId: delivery.id, problem: 'The appointment move this email was about no longer exists.' });
      continue;
    }
    if (!plausibleEmail.test(appointment.email)) {
      results.push({ deliveryId: delivery.id, problem: `The email address on appointment ${appointment.reference} is not valid; correct it, then retry.` });
      continue;
    }
    const incidentId = incident?.id ?? move.incidentId;
    const subject = { reference: appointment.reference, moveId: move.id };
    const officeParts = { name: office?.name ?? appointment.officeCode, address: office?.address ?? '' };
    // A date the applicant chose is confirmed, not apologised for.
    const rendered: RenderedEmail = move.reason === applicantChoiceReason
      ? renderChoiceConfirmationEmail({
          language: appointment.language,
          fullName: appointment.fullName,
          reference: appointment.reference,
          service: appointment.service,
          oldDate: move.fromDate,
          newDate: move.toDate,
          office: officeParts,
          calendarUrl: calendarUrl(config, subject),
          senderName: config.site.name,
        })
      : renderApplicantEmail({
          language: appointment.language,
          fullName: appointment.fullName,
          reference: appointment.reference,
          service: appointment.service,
          oldDate: announced.get(move.id) ?? move.fromDate,
          newDate: move.toDate,
          office: officeParts,
          incidentName: incident?.name ?? '',
          incidentUrl: incidentId ? `${config.publicUrl}/incidents/${incidentId}/` : config.publicUrl,
          calendarUrl: calendarUrl(config, subject),
          chooseDateUrl: chooseDateUrl(config, subject),
          senderName: config.site.name,
        });
    const tags = [{ name: 'kind', value: move.reason === applicantChoiceReason ? 'appointment_chosen' : 'appointment_moved' }];
    if (incidentId) tags.push({ name: 'incident', value: tagValue(incidentId) });
    results.push({
      deliveryId: delivery.id,
      message: {
        from: config.email.from,
        to: appointment.email,
        ...(config.email.replyTo ? { replyTo: config.email.replyTo } : {}),
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        tags,
      },
    });
  }
  return results;
}
