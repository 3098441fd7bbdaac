// Response headers that protect visitors of the public site and users of the staff API.

/**
 * Pages: the built site has no JavaScript, one stylesheet of its own (/hali.css) and a `data:`
 * icon, so nothing else may load, and no page may be framed (clickjacking a notice). Forms may
 * post only to this origin (the subscribe form posts to /subscribe).
 */
export const pageContentSecurityPolicy =
  "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * The status widget (/widget/, /sw/widget/) is made to be framed by other sites: the department's
 * portal shows it above its booking form. It holds only public status, no form and no script, so
 * framing it cannot trick anyone into an action; every other rule of the pages stays.
 */
export const embeddablePageContentSecurityPolicy = pageContentSecurityPolicy.replace("frame-ancestors 'none'", 'frame-ancestors *');

/** Built files (relative paths) that other sites may frame. */
const embeddablePages: ReadonlySet<string> = new Set(['widget/index.html', 'sw/widget/index.html']);

export const isEmbeddablePage = (relative: string): boolean => embeddablePages.has(relative);

/** JSON, feeds and other non-HTML answers: a browser opening one directly runs and frames nothing. */
export const dataContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** Full URLs (incident ids) stay on this site; other sites see only the origin. */
export const referrerPolicy = 'strict-origin-when-cross-origin';

export const strictTransportSecurity = 'max-age=31536000; includeSubDomains';

/** Methods the static site answers, for Allow and CORS preflights. */
export const staticMethods = 'GET, HEAD, OPTIONS';

/**
 * Public data other sites' pages may read (Statuspage clients and widgets fetch the JSON and feeds
 * from browsers): it is the same for everyone and sent without credentials, so any origin may.
 */
export function isCrossOriginReadable(contentType: string): boolean {
  return /^application\/(json|atom\+xml|rss\+xml)/.test(contentType);
}

/**
 * The security headers of one static file, by its type; HSTS only when the site is served over
 * https (the browser ignores it over http, and it would pin a test host to https).
 */
export function staticSecurityHeaders(contentType: string, https: boolean, embeddable = false): Record<string, string> {
  const pagePolicy = embeddable ? embeddablePageContentSecurityPolicy : pageContentSecurityPolicy;
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentType.startsWith('text/html') ? pagePolicy : dataContentSecurityPolicy,
    'Referrer-Policy': referrerPolicy,
    'X-Content-Type-Options': 'nosniff',
  };
  if (isCrossOriginReadable(contentType)) headers['Access-Control-Allow-Origin'] = '*';
  if (https) headers['Strict-Transport-Security'] = strictTransportSecurity;
  return headers;
}
