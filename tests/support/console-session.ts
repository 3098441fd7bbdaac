import { expect } from 'vitest';
import type { StaffRole } from '../../db/schema/index';
import { systemActor } from '../../api/auth/actor';
import { createStaffAccount } from '../../api/staff/create-staff-account';
import type { TestContext } from './test-context';

/** A browser stand-in for console tests: keeps cookies, sends our Origin, and knows the page's form token. */
export type ConsoleClient = {
  get: (path: string) => Promise<Response>;
  /** Posts a form with the current form token (unless `_csrf` is given) and our Origin. */
  post: (path: string, fields: Record<string, string | string[]>, options?: { origin?: string | null }) => Promise<Response>;
  /** Posts multipart form data (file uploads). */
  postMultipart: (path: string, data: FormData, options?: { origin?: string | null }) => Promise<Response>;
  cookies: Map<string, string>;
  formToken: () => string | undefined;
};

const formTokenPattern = /name="_csrf" value="([^"]+)"/;

export function consoleClient(t: TestContext): ConsoleClient {
  const cookies = new Map<string, string>();
  let token: string | undefined;
  const origin = new URL(t.config.publicUrl).origin;

  const remember = async (response: Response): Promise<Response> => {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = pair.split('=');
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value === '') cookies.delete(name.trim());
      else cookies.set(name.trim(), value);
    }
    if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
      const html = await response.clone().text();
      const match = formTokenPattern.exec(html);
      if (match) token = match[1];
    }
    return response;
  };
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const headers = (originOverride?: string | null): Record<string, string> => {
    const h: Record<string, string> = { Cookie: cookieHeader() };
    if (originOverride !== null) h.Origin = originOverride ?? origin;
    return h;
  };

  return {
    cookies,
    formToken: () => token,
    get: async (path) => remember(await t.app.request(path, { headers: headers() })),
    post: async (path, fields, options = {}) => {
      const body = new URLSearchParams();
      if (!('_csrf' in fields) && token) body.append('_csrf', token);
      for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
      return remember(
        await t.app.request(path, {
          method: 'POST',
          headers: { ...headers(options.origin), 'Content-Type': 'application/x-www-form-urlencoded' },
          body: body.toString(),
        }),
      );
    },
    postMultipart: async (path, data, options = {}) => {
      if (!data.has('_csrf') && token) data.append('_csrf', token);
      return remember(await t.app.request(path, { method: 'POST', headers: headers(options.origin), body: data }));
    },
  };
}

/** Signs in through the real form (Email, Password, Sign in) and follows to the dashboard. */
export async function signInToConsole(t: TestContext, email: string, password: string): Promise<ConsoleClient> {
  const client = consoleClient(t);
  await client.get('/console/sign-in');
  const response = await client.post('/console/sign-in', { email, password });
  expect(response.status, await response.clone().text()).toBe(303);
  expect(response.headers.get('location')).toBe('/console');
  return client;
}

/** A new person with `role` (and a known password), signed in through the real form. */
export async function signInAsNew(t: TestContext, role: StaffRole, email = `${role}.console@example.go.ke`): Promise<ConsoleClient & { userId: string }> {
  const password = 'correct horse battery staple';
  const { account } = await createStaffAccount(t.db, { name: `Console ${role}`, email, role, password }, { now: t.now.value, actor: systemActor });
  const client = await signInToConsole(t, email, password);
  // The dashboard carries the session's own form token, which every later post needs.
  await client.get('/console');
  return Object.assign(client, { userId: account.id });
}
