import { html } from 'hono/html';
import type { AppointmentLanguage } from '../../../db/schema/index';
import { applicantPageWording } from '../../applicants/applicant-page-wording';
import { maxEmailLength, maxReferenceLength } from '../../applicants/lookup-limits';

/**
 * The lookup form as the answer pages repeat it (the static page in site/pages/appointment/ has
 * the same fields). Nothing typed is echoed back, so every wrong pair gets byte for byte the same page.
 */
export function lookupForm(language: AppointmentLanguage) {
  const words = applicantPageWording[language];
  return html`<form method="post" action="/appointment/lookup">
  <input type="hidden" name="language" value="${language}" />
  <p><label for="reference">${words.referenceLabel}</label><br />
    <input id="reference" name="reference" type="text" required maxlength="${maxReferenceLength}" autocomplete="off" spellcheck="false" aria-describedby="reference-hint" /><br />
    <small id="reference-hint">${words.referenceHint}</small></p>
  <p><label for="email">${words.emailLabel}</label><br />
    <input id="email" name="email" type="email" required maxlength="${maxEmailLength}" autocomplete="email" aria-describedby="email-hint" /><br />
    <small id="email-hint">${words.emailHint}</small></p>
  <p><button type="submit">${words.lookupButton}</button></p>
</form>`;
}
