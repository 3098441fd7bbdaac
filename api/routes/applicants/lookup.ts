import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import type { AppointmentLanguage } from '../../../db/schema/index';
import { applicantPageWording } from '../../applicants/applicant-page-wording';
import { lookupAppointment } from '../../applicants/lookup-appointment';
import type { LookupThrottle } from '../../applicants/lookup-throttle';
import type { AppEnv } from '../../http/app-env';
import { clientAddress } from '../../http/client-address';
import { applicantPage, lookupPath } from './applicant-page';
import { appointmentAnswer } from './appointment-answer';
import { lookupForm } from './lookup-form';

/** A reference, an email and a language fit in far less; anything bigger is not this form. */
const maxFormBytes = 4_096;

const field = (value: unknown) => (typeof value === 'string' ? value : '');
const languageOf = (value: unknown): AppointmentLanguage => (value === 'sw' ? 'sw' : 'en');

/**
 * POST /appointment/lookup (form-encoded, from the static /appointment/ page, no JavaScript):
 * the appointment when reference and email match, otherwise one answer for every wrong pair.
 */
export function registerLookupAppointment(app: Hono<AppEnv>, throttle: LookupThrottle): void {
  app.post(
    '/appointment/lookup',
    bodyLimit({ maxSize: maxFormBytes, onError: (c) => c.text('The form is larger than a lookup can be.', 413, { 'Cache-Control': 'no-store' }) }),
    async function lookupAppointmentPage(c) {
      const form = await c.req.parseBody();
      const language = languageOf(form.language);
      const words = applicantPageWording[language];
      const given = { reference: field(form.reference), email: field(form.email) };
      const { db, config, now } = c.get('deps');
      const at = now();
      const keys = { reference: given.reference, address: clientAddress(c) };
      const otherLanguageHref = lookupPath(language === 'sw' ? 'en' : 'sw');
      const wait = throttle.retryAfterSeconds(keys, at);
      if (wait !== null) {
        return applicantPage(c, {
          language,
          title: words.tooManyTitle,
          status: 429,
          headers: { 'Retry-After': String(wait) },
          otherLanguageHref,
          body: html`<p>${words.tooMany(Math.ceil(wait / 60))}</p>`,
        });
      }
      const summary = await lookupAppointment(db, config, given, at, c.get('applicantVisits'));
      if (!summary) {
        throttle.recordFailure(keys, at);
        // The same page for a wrong reference and a wrong email: it never says which was wrong.
        return applicantPage(c, {
          language,
          title: words.notFoundTitle,
          status: 404,
          otherLanguageHref,
          body: html`<p>${words.notFound}</p>${lookupForm(language)}`,
        });
      }
      return applicantPage(c, {
        language,
        title: words.yourAppointment,
        otherLanguageHref,
        body: html`${appointmentAnswer(summary, language)}<p><a href="${lookupPath(language)}">${words.lookupAgain}</a></p>`,
      });
    },
  );
}
