import type { TestContext } from '../support/test-context';

/** Posts the status page's subscribe form as a browser without JavaScript would. */
export async function postSubscribeForm(t: TestContext, fields: [string, string][], headers: Record<string, string> = {}): Promise<Response> {
  return t.app.request('/subscribe', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The link after `label: ` in an email's text body. */
export function linkIn(text: string | undefined, label: string): string {
  const match = new RegExp(`${label}: (https://\\S+)`).exec(text ?? '');
  if (!match) throw new Error(`No "${label}" link in:\n${text}`);
  return match[1];
}

/** The path and query of an absolute link, for app.request(). */
export const pathOf = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};
