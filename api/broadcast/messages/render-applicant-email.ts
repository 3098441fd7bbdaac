import type { AppointmentLanguage, AppointmentService } from '../../../db/schema/index';
import { firstStrongIsolate, isolateBidi, popDirectionalIsolate, withoutBidiControls } from '../../text/isolate-bidi';
import { applicantEmailWording, formatAppointmentDate } from './applicant-email-wording';
import { escapeHtml } from '../../text/escape-html';

/** Everything one applicant's email is made from. Personal data: it lives only in the outbox payload. */
export type ApplicantEmailInput = {
  language: AppointmentLanguage;
  fullName: string;
  reference: string;
  service: AppointmentService;
  oldDate: string;
  newDate: string;
  office: { name: string; address: string };
  incidentName: string;
  incidentUrl: string;
  calendarUrl: string;
  /** The signed "choose another date" link (absent in a staff preview, which has no move yet). */
  chooseDateUrl?: string;
  senderName: string;
};

export type RenderedEmail = { subject: string; html: string; text: string };


// Text for the HTML body: escaped, and each isolated piece in a <bdi> element instead of between
// FSI and PDI. Every FSI and PDI here is one of ours (isolateBidi strips them from the piece itself),
// so they pair up.
const isolatesAsBdi = new RegExp(`[${firstStrongIsolate}${popDirectionalIsolate}]`, 'g');
export function htmlText(value: string): string {
  return escapeHtml(value).replace(isolatesAsBdi, (mark) => (mark === firstStrongIsolate ? '<bdi>' : '</bdi>'));
}

/**
 * The apology, what happened, old and new date, office, what to bring, reference and links: HTML and
 * plain text. The applicant's name and the office and incident staff named are isolated
 * (api/text/isolate-bidi.ts), so none of them can turn a date or a link around.
 */
export function renderApplicantEmail(input: ApplicantEmailInput): RenderedEmail {
  const words = applicantEmailWording[input.language];
  const oldDate = formatAppointmentDate(input.oldDate, input.language);
  const newDate = formatAppointmentDate(input.newDate, input.language);
  const bring = words.bring[input.service];
  const fullName = isolateBidi(input.fullName);
  const officeName = isolateBidi(input.office.name);
  const apology = words.apology(officeName, oldDate, isolateBidi(input.incidentName));
  const address = withoutBidiControls(input.office.address).trim();
  const isolatedAddress = isolateBidi(address);

  const text = [
    words.greeting(fullName),
    '',
    `${apology} ${words.sorry}`,
    '',
    `${words.newAppointmentHeading}: ${words.newAppointment(newDate, officeName)}`,
    ...(address ? [`${words.addressLabel}: ${isolatedAddress}`] : []),
    '',
    `${words.bringHeading}:`,
    ...bring.map((item) => `- ${item}`),
    '',
    `${words.referenceLabel}: ${input.reference}`,
    '',
    `${words.calendarLink}: ${input.calendarUrl}`,
    ...(input.chooseDateUrl ? [`${words.chooseDateLink}: ${input.chooseDateUrl}`] : []),
    `${words.incidentLink}: ${input.incidentUrl}`,
    '',
    words.nothingToDo,
    '',
    words.signOff,
    input.senderName,
  ].join('\n');

  const e = escapeHtml;
  const h = htmlText;
  const html = `<!doctype html>
<html lang="${input.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(words.subject(newDate, input.reference))}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1a1a1a;max-width:36em;margin:0 auto;padding:1em">
<p>${h(words.greeting(fullName))}</p>
<p>${h(apology)} ${e(words.sorry)}</p>
<h2 style="font-size:1.1em;margin-bottom:.25em">${e(words.newAppointmentHeading)}</h2>
<p style="margin-top:0"><strong>${e(newDate)}</strong><br>${h(officeName)}${address ? `<br>${h(isolatedAddress)}` : ''}</p>
<h2 style="font-size:1.1em;margin-bottom:.25em">${e(words.bringHeading)}</h2>
<ul style="margin-top:0">${bring.map((item) => `<li>${e(item)}</li>`).join('')}</ul>
<p>${e(words.referenceLabel)}: <strong>${e(input.reference)}</strong></p>
<p><a href="${e(input.calendarUrl)}">${e(words.calendarLink)}</a><br>${input.chooseDateUrl ? `<a href="${e(input.chooseDateUrl)}">${e(words.chooseDateLink)}</a><br>` : ''}<a href="${e(input.incidentUrl)}">${e(words.incidentLink)}</a></p>
<p>${e(words.nothingToDo)}</p>
<p>${e(words.signOff)}<br>${e(input.senderName)}</p>
</body>
</html>`;

  return { subject: words.subject(newDate, input.reference), html, text };
}
