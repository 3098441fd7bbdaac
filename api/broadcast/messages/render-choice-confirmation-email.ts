import type { AppointmentLanguage, AppointmentService } from '../../../db/schema/index';
import { isolateBidi, withoutBidiControls } from '../../text/isolate-bidi';
import { applicantEmailWording, formatAppointmentDate } from './applicant-email-wording';
import type { RenderedEmail } from './render-applicant-email';
import { escapeHtml } from '../../text/escape-html';

/** The confirmation of a date the applicant chose themselves. Personal data: it lives only in the outbox payload. */
export type ChoiceConfirmationInput = {
  language: AppointmentLanguage;
  fullName: string;
  reference: string;
  service: AppointmentService;
  oldDate: string;
  newDate: string;
  office: { name: string; address: string };
  calendarUrl: string;
  senderName: string;
};

const confirmationWording = {
  en: {
    subject: (newDate: string, reference: string) => `Confirmed: your passport appointment is now on ${newDate} (ref. ${reference})`,
    body: (oldDate: string, newDate: string, officeName: string) =>
      `As you asked, your appointment has moved from ${oldDate} to ${newDate}, at ${officeName}. Your place on ${oldDate} is now free for someone else.`,
  },
  sw: {
    subject: (newDate: string, reference: string) => `Imethibitishwa: miadi yako ya pasipoti sasa ni ${newDate} (kumb. ${reference})`,
    body: (oldDate: string, newDate: string, officeName: string) =>
      `Kama ulivyoomba, miadi yako imehamishwa kutoka ${oldDate} hadi ${newDate}, katika ${officeName}. Nafasi yako ya ${oldDate} sasa iko wazi kwa mtu mwingine.`,
  },
} as const;


/**
 * Plain text and HTML. Names staff or the booking system wrote are stripped of direction controls
 * and escaped, so none can turn a date or a link around or inject markup.
 */
export function renderChoiceConfirmationEmail(input: ChoiceConfirmationInput): RenderedEmail {
  const words = applicantEmailWording[input.language];
  const confirm = confirmationWording[input.language];
  const oldDate = formatAppointmentDate(input.oldDate, input.language);
  const newDate = formatAppointmentDate(input.newDate, input.language);
  const officeName = isolateBidi(input.office.name);
  const address = withoutBidiControls(input.office.address).trim();
  const body = confirm.body(oldDate, newDate, withoutBidiControls(input.office.name));
  const bring = words.bring[input.service];
  const text = [
    words.greeting(isolateBidi(input.fullName)),
    '',
    confirm.body(oldDate, newDate, officeName),
    ...(address ? ['', `${words.addressLabel}: ${isolateBidi(address)}`] : []),
    '',
    `${words.bringHeading}:`,
    ...bring.map((item) => `- ${item}`),
    '',
    `${words.referenceLabel}: ${input.reference}`,
    `${words.calendarLink}: ${input.calendarUrl}`,
    '',
    input.senderName,
  ].join('\n');
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${input.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(confirm.subject(newDate, input.reference))}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1a1a1a;max-width:36em;margin:0 auto;padding:1em">
<p>${e(words.greeting(withoutBidiControls(input.fullName)))}</p>
<p>${e(body)}</p>
${address ? `<p>${e(words.addressLabel)}: ${e(address)}</p>` : ''}
<h2 style="font-size:1.1em;margin-bottom:.25em">${e(words.bringHeading)}</h2>
<ul style="margin-top:0">${bring.map((item) => `<li>${e(item)}</li>`).join('')}</ul>
<p>${e(words.referenceLabel)}: <strong>${e(input.reference)}</strong></p>
<p><a href="${e(input.calendarUrl)}">${e(words.calendarLink)}</a></p>
<p>${e(input.senderName)}</p>
</body>
</html>`;
  return { subject: confirm.subject(newDate, input.reference), html, text };
}
