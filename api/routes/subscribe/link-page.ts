import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppointmentLanguage } from '../../../db/schema/index';
import { escapeHtml } from '../../text/escape-html';

/**
 * A page with one sentence and, for a valid link, one button that POSTs back to the same
 * address. Links in emails only show this page: mail scanners that open every link (GET) must not
 * confirm or unsubscribe anyone; only the button (or a mail client's RFC 8058 POST) acts.
 */
export function linkPage(
  c: Context,
  page: { language: AppointmentLanguage; title: string; detail?: string; button?: string; status?: ContentfulStatusCode },
): Response {
  const e = escapeHtml;
  // The form posts to this very address, token included (the token is the permission).
  const action = new URL(c.req.url).pathname + new URL(c.req.url).search;
  const html = `<!doctype html>
<html lang="${page.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(page.title)}</title><link rel="stylesheet" href="/hali.css"></head>
<body><main><h1>${e(page.title)}</h1>${page.detail ? `<p>${e(page.detail)}</p>` : ''}${
    page.button ? `<form method="post" action="${e(action)}"><button type="submit">${e(page.button)}</button></form>` : ''
  }</main></body>
</html>`;
  return c.html(html, page.status ?? 200, linkPageHeaders);
}

/** The token is in the address: never sent on as a referrer, never cached or indexed, never framed. */
export const linkPageHeaders = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};
