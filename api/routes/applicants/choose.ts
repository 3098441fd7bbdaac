import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import type { AppointmentLanguage } from '../../../db/schema/index';
import { applicantPageWording } from '../../applicants/applicant-page-wording';
import { summariseAppointment, type AppointmentSummary } from '../../applicants/appointment-summary';
import { chooseAnotherDate } from '../../applicants/choose-another-date';
import { listAllChoosableDays } from '../../applicants/choosable-days';
import { openChoiceLink, type ChoiceLink } from '../../applicants/open-choice-link';
import type { AppEnv } from '../../http/app-env';
import { applicantPage, lookupPath } from './applicant-page';
import { appointmentAnswer } from './appointment-answer';
import { chooseForm, readChoiceValue } from './choose-form';
import { formatAppointmentDate } from '../../broadcast/messages/applicant-email-wording';

const path = '/appointment/choose/:token{[A-Za-z0-9_-]{40,400}}';
const maxFormBytes = 1_024;

/** The page's language: the applicant's own, unless they switched with ?lang=. */
function pageLanguage(c: Context<AppEnv>, summary: AppointmentSummary): AppointmentLanguage {
  const asked = c.req.query('lang');
  return asked === 'en' || asked === 'sw' ? asked : summary.language;
}

type Opened = { link: ChoiceLink; summary: AppointmentSummary; language: AppointmentLanguage; self: string; otherLanguageHref: string };

async function open(c: Context<AppEnv>): Promise<Opened | Response> {
  const { db, config } = c.get('deps');
  const link = await openChoiceLink(db, config, c.req.param('token') ?? '');
  const summary = link && (await summariseAppointment(db, config, link.reference));
  if (!link || !summary) {
    const words = applicantPageWording.en;
    // The same answer for a forged, altered or outdated link: it reveals nothing about any appointment.
    return applicantPage(c, {
      language: 'en',
      title: words.linkInvalidTitle,
      status: 404,
      otherLanguageHref: lookupPath('sw'),
      body: html`<p>${words.linkInvalid}</p><p><a href="${lookupPath('en')}">${words.lookupAgain}</a></p>`,
    });
  }
  const language = pageLanguage(c, summary);
  const base = c.req.path;
  return { link, summary, language, self: `${base}?lang=${language}`, otherLanguageHref: `${base}?lang=${language === 'sw' ? 'en' : 'sw'}` };
}

async function choicePage(c: Context<AppEnv>, opened: Opened, note?: { title: string; text: string; status: 200 | 409 | 422 }) {
  const { db, now } = c.get('deps');
  const { summary, language } = opened;
  const words = applicantPageWording[language];
  if (summary.cancelled) {
    return applicantPage(c, { language, title: words.cancelledTitle, status: 409, otherLanguageHref: opened.otherLanguageHref, body: html`<p>${words.cancelled}</p>` });
  }
  if (summary.changesLeft === 0) {
    return applicantPage(c, {
      language,
      title: words.noChangesLeftTitle,
      status: note?.status ?? 200,
      otherLanguageHref: opened.otherLanguageHref,
      body: html`<p>${words.noChangesLeft}</p>${appointmentAnswer(summary, language)}`,
    });
  }
  const days = await listAllChoosableDays(db, { officeCode: summary.office.code, service: summary.service, currentDate: summary.date }, now());
  return applicantPage(c, {
    language,
    title: note?.title ?? words.chooseTitle,
    status: note?.status ?? 200,
    otherLanguageHref: opened.otherLanguageHref,
    body: html`${note ? html`<p role="alert"><strong>${note.text}</strong></p>` : ''}${chooseForm(summary, days, language, opened.self)}`,
  });
}

/**
 * GET/POST /appointment/choose/<token>: the signed link from a new-date email. The token is the
 * permission (the applicant never logs in); choosing re-books in one transaction.
 */
export function registerChooseAnotherDate(app: Hono<AppEnv>): void {
  app.get(path, async function showChoosableDays(c) {
    const opened = await open(c);
    if (opened instanceof Response) return opened;
    const { now } = c.get('deps');
    if (opened.link.incidentId) c.get('applicantVisits').note({ incidentId: opened.link.incidentId, reference: opened.link.reference, action: 'opened_link', now: now() });
    return choicePage(c, opened);
  });

  app.post(
    path,
    bodyLimit({ maxSize: maxFormBytes, onError: (c) => c.text('The form is larger than a choice can be.', 413, { 'Cache-Control': 'no-store' }) }),
    async function chooseDay(c) {
      const opened = await open(c);
      if (opened instanceof Response) return opened;
      const { db, config, now } = c.get('deps');
      const form = await c.req.parseBody();
      const choice = readChoiceValue(typeof form.date === 'string' ? form.date : '');
      const words = applicantPageWording[opened.language];
      const outcome = await chooseAnotherDate(db, opened.link, choice, now());
      if (outcome.kind === 'moved' || outcome.kind === 'unchanged') {
        const summary = (await summariseAppointment(db, config, opened.link.reference)) ?? opened.summary;
        const said =
          outcome.kind === 'moved'
            ? html`<p role="status"><strong>${words.moved(formatAppointmentDate(outcome.from, opened.language), formatAppointmentDate(outcome.to, opened.language))}${outcome.officeChanged ? ` ${words.movedOffice(summary.office.name)}` : ''}</strong></p><p>${words.confirmationSent}</p>`
            : html`<p role="status">${words.unchanged}</p>`;
        return applicantPage(c, {
          language: opened.language,
          title: outcome.kind === 'moved' ? words.movedTitle : words.yourAppointment,
          otherLanguageHref: opened.otherLanguageHref,
          body: html`${said}${appointmentAnswer(summary, opened.language)}`,
        });
      }
      const summary = (await summariseAppointment(db, config, opened.link.reference)) ?? opened.summary;
      const fresh = { ...opened, summary };
      if (outcome.kind === 'day_full') return choicePage(c, fresh, { title: words.dayFullTitle, text: words.dayFull, status: 409 });
      if (outcome.because === 'no_changes_left') return choicePage(c, fresh, { title: words.noChangesLeftTitle, text: words.noChangesLeft, status: 409 });
      return choicePage(c, fresh, { title: words.notOfferedTitle, text: words.notOffered, status: 422 });
    },
  );
}
