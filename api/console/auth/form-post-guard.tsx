import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ConsoleEnv } from '../console-env';
import { ConsolePage } from '../console-layout';
import { formTokenField, formTokenMatches } from '../form-token';
import { renderPage } from '../render-page';
import { isSameOrigin } from '../same-origin';
import { preSessionCookie } from './pre-session-token';

/**
 * CSRF protection on every console form post, in two independent layers: the post must come from
 * our own origin, and carry the form token of the session (or, before sign-in, of the sign-in
 * page's own cookie). The parsed form is kept for the route.
 */
export const guardFormPost: MiddlewareHandler<ConsoleEnv> = async function guardFormPost(c, next) {
  if (c.req.method !== 'POST') return next();
  const form = await c.req.parseBody({ all: true });
  const expected = c.get('staff')?.csrfToken ?? getCookie(c, preSessionCookie);
  if (!isSameOrigin(c) || !expected || !formTokenMatches(form[formTokenField], expected)) {
    return renderPage(
      c,
      <ConsolePage title="This form has expired" staff={c.get('staff')}>
        <p>For your safety the form was not accepted: it was sent from another site, or the page was open for too long.</p>
        <p>Nothing was changed. Go back, reload the page and send it again.</p>
        <p>
          <a href="/console">Back to the console</a>
        </p>
      </ConsolePage>,
      403,
    );
  }
  c.set('form', form);
  await next();
};
