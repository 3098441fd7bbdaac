import { html } from 'hono/html';
import type { AppointmentLanguage } from '../../../db/schema/index';
import type { AppointmentSummary } from '../../applicants/appointment-summary';
import { applicantPageWording } from '../../applicants/applicant-page-wording';
import { formatAppointmentDate } from '../../broadcast/messages/applicant-email-wording';

/**
 * One radio button per day, the current date first and checked (keeping it is always a choice),
 * posting back to the page's own signed address.
 */
export function chooseForm(summary: AppointmentSummary, days: string[], language: AppointmentLanguage, action: string) {
  const words = applicantPageWording[language];
  const option = (date: string, label: string, checked: boolean) =>
    html`<li><input type="radio" name="date" id="day-${date}" value="${date}"${checked ? html` checked` : ''} /> <label for="day-${date}">${label}</label></li>`;
  return html`<p>${words.chooseIntro(summary.changesLeft)}</p>
<form method="post" action="${action}">
  <fieldset>
    <legend>${words.chooseLegend}</legend>
    <ul class="choices">
      ${option(summary.date, words.keepCurrent(formatAppointmentDate(summary.date, language)), true)}
      ${days.map((date) => option(date, formatAppointmentDate(date, language), false))}
    </ul>
  </fieldset>
  ${days.length === 0 ? html`<p>${words.noDaysFree}</p>` : ''}
  <p><button type="submit">${words.chooseButton}</button></p>
</form>`;
}
