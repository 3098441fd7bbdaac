import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSX } from 'hono/jsx/jsx-runtime';

/** Answers a console page as a full HTML document (hono/jsx renders the element, we add the doctype). */
export async function renderPage(c: Context, element: JSX.Element, status: ContentfulStatusCode = 200): Promise<Response> {
  return c.html(`<!doctype html>${await element.toString()}`, status);
}
