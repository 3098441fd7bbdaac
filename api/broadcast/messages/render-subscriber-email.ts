import type { AppointmentLanguage, IncidentStatus } from '../../../db/schema/index';
import { isolateBidi, withoutBidiControls } from '../../text/isolate-bidi';
import { escapeHtml } from '../../text/escape-html';
import { htmlText, type RenderedEmail } from './render-applicant-email';
import { subscriberEmailWording } from './subscriber-email-wording';

export type SubscriberEmailFrame = { language: AppointmentLanguage; pageName: string; unsubscribeUrl: string; senderName: string };

export type SubscriberEmailContent =
  | { kind: 'confirm'; confirmUrl: string }
  | { kind: 'update'; incidentName: string; status: IncidentStatus; body: string; incidentUrl: string };

/**
 * RFC 8058 one-click unsubscribe: mail clients show their own "unsubscribe" button and POST
 * `List-Unsubscribe=One-Click` to the https link, without opening a page.
 */
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/**
 * A subscriber's email: the confirmation request or one published update, each ending with a
 * visible unsubscribe link. Staff text (incident name, notice) is isolated and escaped.
 */
export function renderSubscriberEmail(frame: SubscriberEmailFrame, content: SubscriberEmailContent): RenderedEmail {
  const words = subscriberEmailWording[frame.language];
  const e = escapeHtml;
  const pageName = isolateBidi(frame.pageName);
  const footerText = [words.whyYouGetThis(pageName), `${words.unsubscribeLink}: ${frame.unsubscribeUrl}`];
  const footerHtml = `<p style="font-size:.9em;color:#555">${htmlText(words.whyYouGetThis(pageName))}<br><a href="${e(frame.unsubscribeUrl)}">${e(words.unsubscribeLink)}</a></p>`;

  let subject: string;
  let textBody: string[];
  let htmlBody: string;
  if (content.kind === 'confirm') {
    subject = words.confirmSubject(frame.pageName);
    textBody = [words.confirmIntro(pageName), '', `${words.confirmLink}: ${content.confirmUrl}`, '', words.confirmIgnore];
    htmlBody = `<p>${htmlText(words.confirmIntro(pageName))}</p>
<p><a href="${e(content.confirmUrl)}">${e(words.confirmLink)}</a></p>
<p>${e(words.confirmIgnore)}</p>`;
  } else {
    const status = words.status[content.status];
    const incidentName = isolateBidi(content.incidentName);
    const body = isolateBidi(content.body);
    subject = words.updateSubject(withoutBidiControls(content.incidentName), status);
    textBody = [`${status}: ${incidentName}`, '', body, '', `${words.incidentLink}: ${content.incidentUrl}`];
    htmlBody = `<h1 style="font-size:1.2em">${e(status)}: ${htmlText(incidentName)}</h1>
<p style="white-space:pre-line">${htmlText(body)}</p>
<p><a href="${e(content.incidentUrl)}">${e(words.incidentLink)}</a></p>`;
  }
  const text = [...textBody, '', frame.senderName, '', ...footerText].join('\n');
  const html = `<!doctype html>
<html lang="${frame.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1a1a1a;max-width:36em;margin:0 auto;padding:1em">
${htmlBody}
<p>${e(frame.senderName)}</p>
${footerHtml}
</body>
</html>`;
  return { subject: subject.replace(/[\r\n]+/g, ' '), html, text };
}
