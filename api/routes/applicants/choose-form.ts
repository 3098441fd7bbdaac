import { html } from 'hono/html';
import type { AppointmentLanguage } from '../../../db/schema/index';
import type { AppointmentSummary } from '../../applicants/appointment-summary';
import type { ChoosableDays } from '../../applicants/choosable-days';
import { applicantPageWording } from '../../applicants/applicant-page-wording';
import { formatAppointmentDate } from '../../broadcast/messages/applicant-email-wording';

/** A radio button's value: a day at the applicant's own office, or `<office>:<day>` at the nearby one. */
export function readChoiceValue(value: string): { date: string; office?: string } {
  const [office, date] = value.includes(':') ? value.split(':', 2) : [undefined, value];
  return office === undefined ? { date } : { date, office };
}

/**
 * One radio button per day, the current date first and checked (keeping it is always a choice),
 * then the nearby office's days where the department allows one, posting back to the page's own
 * signed address.
 */
export function chooseForm(summary: AppointmentSummary, days: ChoosableDays, language: AppointmentLanguage, action: string) {
  const words = applicantPageWording[language];
  const option = (value: string, label: string, checked: boolean) =>
    html`<li><input type="radio" name="date" id="day-${value.replace(':', '-')}" value="${value}"${checked ? html` checked` : ''} /> <label for="day-${value.replace(':', '-')}">${label}</label></li>`;
  const nearby = days.nearby && days.nearby.days.length > 0 ? days.nearby : null;
  return html`<p>${words.chooseIntro(summary.changesLeft)}</p>
<form method="post" action="${action}">
  <fieldset>
    <legend>${words.chooseLegend}</legend>
    <ul class="choices">
      ${option(summary.date, words.keepCurrent(formatAppointmentDate(summary.date, language)), true)}
      ${days.own.map((date) => option(date, formatAppointmentDate(date, language), false))}
    </ul>
  </fieldset>
  ${nearby
    ? html`<fieldset>
    <legend>${words.nearbyLegend(nearby.address ? `${nearby.name}, ${nearby.address}` : nearby.name)}</legend>
    <ul class="choices">
      ${nearby.days.map((date) => option(`${nearby.code}:${date}`, formatAppointmentDate(date, language), false))}
    </ul>
  </fieldset>`
    : ''}
  ${days.own.length === 0 && !nearby ? html`<p>${words.noDaysFree}</p>` : ''}
  <p><button type="submit">${words.chooseButton}</button></p>
</form>`;
}
