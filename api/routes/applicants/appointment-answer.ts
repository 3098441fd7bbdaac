import { html } from 'hono/html';
import type { AppointmentLanguage } from '../../../db/schema/index';
import type { AppointmentMoveSummary, AppointmentSummary } from '../../applicants/appointment-summary';
import { applicantPageWording } from '../../applicants/applicant-page-wording';
import { formatAppointmentDate } from '../../broadcast/messages/applicant-email-wording';
import { withoutBidiControls } from '../../text/isolate-bidi';

function moveInWords(move: AppointmentMoveSummary, language: AppointmentLanguage): string {
  const words = applicantPageWording[language];
  const from = formatAppointmentDate(move.from, language);
  const to = formatAppointmentDate(move.to, language);
  if (move.byApplicant) return move.newOfficeName ? `${words.movedByChoice(from, to)} ${words.movedOffice(withoutBidiControls(move.newOfficeName))}` : words.movedByChoice(from, to);
  if (move.incidentName) return words.movedBecause(from, to, withoutBidiControls(move.incidentName));
  return words.movedByOffice(from, to);
}

/**
 * The applicant's appointment as it stands: date, office and address, what to bring, the calendar
 * and choose-another-date links, and each move in plain words. First name only.
 */
export function appointmentAnswer(summary: AppointmentSummary, language: AppointmentLanguage) {
  const words = applicantPageWording[language];
  const office = withoutBidiControls(summary.office.name);
  const address = withoutBidiControls(summary.office.address).trim();
  return html`<p>${words.greeting(withoutBidiControls(summary.firstName))}</p>
<h2>${words.yourAppointment}</h2>
${summary.cancelled ? html`<p><strong>${words.cancelled}</strong></p>` : ''}
<dl class="facts">
  <dt>${words.dateLabel}</dt><dd><strong>${formatAppointmentDate(summary.date, language)}</strong></dd>
  <dt>${words.officeLabel}</dt><dd><bdi>${office}</bdi></dd>
  ${address ? html`<dt>${words.addressLabel}</dt><dd><bdi>${address}</bdi></dd>` : ''}
  <dt>${words.referenceShownLabel}</dt><dd>${summary.reference}</dd>
</dl>
<h2>${words.bringHeading}</h2>
<ul>${summary.bring.map((item) => html`<li>${item}</li>`)}</ul>
${summary.calendarUrl || summary.chooseDateUrl
    ? html`<ul>
  ${summary.calendarUrl ? html`<li><a href="${summary.calendarUrl}">${words.calendarLink}</a></li>` : ''}
  ${summary.chooseDateUrl ? html`<li><a href="${summary.chooseDateUrl}">${words.chooseLink}</a></li>` : ''}
</ul>`
    : ''}
<h2>${words.historyHeading}</h2>
${summary.moves.length
    ? html`<ol class="timeline">${summary.moves.map((move) => html`<li>${moveInWords(move, language)}</li>`)}</ol>`
    : html`<p>${words.neverMoved}</p>`}`;
}
