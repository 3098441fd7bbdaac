import type { Context } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppointmentLanguage } from '../../../db/schema/index';
import { applicantPageWording } from '../../applicants/applicant-page-wording';
import type { AppEnv } from '../../http/app-env';

type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * Personal answers: never stored by any cache, never indexed, never sent on as a referrer (the
 * choose page's address holds its token). Like the static pages, no script runs; forms may post
 * only back to this site.
 */
const personalPageHeaders = {
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
};

/** One server-rendered applicant page, in the status page's own layout and stylesheet (/hali.css). */
export async function applicantPage(
  c: Context<AppEnv>,
  page: { language: AppointmentLanguage; title: string; body: Markup; status?: ContentfulStatusCode; otherLanguageHref: string; headers?: Record<string, string> },
): Promise<Response> {
  const words = applicantPageWording[page.language];
  const siteName = c.get('deps').config.site.name;
  const home = page.language === 'sw' ? '/sw/' : '/';
  const document = html`<!doctype html>
<html lang="${page.language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${page.title} · ${siteName}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/hali.css" />
  </head>
  <body>
    <header>
      <p class="site"><a href="${home}">${siteName}</a></p>
      <nav aria-label="${page.language === 'sw' ? 'Kiswahili' : 'English'}"><a href="${page.otherLanguageHref}" lang="${page.language === 'sw' ? 'en' : 'sw'}" hreflang="${page.language === 'sw' ? 'en' : 'sw'}">${words.otherLanguage}</a></nav>
    </header>
    <main id="main">
      <h1>${page.title}</h1>
      ${page.body}
    </main>
  </body>
</html>`;
  return c.html(await document, page.status ?? 200, { ...personalPageHeaders, ...page.headers });
}

export const lookupPath = (language: AppointmentLanguage) => (language === 'sw' ? '/sw/appointment/' : '/appointment/');
