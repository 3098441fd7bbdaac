import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { components, deliveries, subscribers } from '../../db/schema/index';
import { createBroadcastHarness, type BroadcastHarness } from '../broadcast/broadcast-harness';
import { createIncident, publishTestUpdate } from '../broadcast/broadcast-test-data';
import { linkIn, pathOf, postSubscribeForm } from './subscriber-flow';
import { createPublishedIncident, publishUpdateWith } from './webhook-test-data';

let h: BroadcastHarness;
afterEach(async () => h?.close());

describe('email subscribers', () => {
  it('subscribe, confirm, get each published update with one-click unsubscribe headers, unsubscribe in one click', async () => {
    h = await createBroadcastHarness();
    const { t, resend } = h;
    const answer = await postSubscribeForm(t, [['email', ' Wanjiru@Example.com '], ['language', 'sw']]);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('Location')).toBe('/sw/subscribe/check-inbox/');

    await h.worker.drainOnce();
    expect(resend.emails).toHaveLength(1);
    const confirmation = resend.emails[0];
    expect(confirmation.to).toBe('wanjiru@example.com');
    expect(confirmation.subject).toContain('Thibitisha');
    const unsubscribeUrl = confirmation.headers?.['List-Unsubscribe']?.replace(/^<|>$/g, '') ?? '';
    expect(unsubscribeUrl).toMatch(/^https:\/\/status\.example\.go\.ke\/subscribe\/unsubscribe\?token=/);
    expect(confirmation.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    // Publishing before confirmation notifies nobody.
    const incident = await createIncident(t.db);
    await publishTestUpdate(t.db, incident, { body: 'Passport printing has stopped at Nyayo House.' });
    await h.worker.drainOnce();
    expect(resend.emails).toHaveLength(1);

    // The link shows a page with a button (a mail scanner's GET confirms nothing); the button confirms.
    const confirmPath = pathOf(linkIn(confirmation.text, 'Thibitisha usajili wangu'));
    const page = await t.app.request(confirmPath);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    expect((await t.db.select().from(subscribers))[0].state).toBe('pending');
    const confirmed = await t.app.request(confirmPath, { method: 'POST' });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('Location')).toBe('/sw/subscribe/confirmed/');

    await publishTestUpdate(t.db, incident, { body: 'We found the cause: a failed card printer.', status: 'identified' });
    await h.worker.drainOnce();
    expect(resend.emails).toHaveLength(2);
    const notice = resend.emails[1];
    expect(notice.to).toBe('wanjiru@example.com');
    expect(notice.subject).toContain('Chanzo kimebainika');
    expect(notice.text).toContain('We found the cause: a failed card printer.');
    expect(notice.headers?.['List-Unsubscribe']).toBe(`<${unsubscribeUrl}>`);
    expect(notice.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(notice.html).toContain(`href="${unsubscribeUrl.replace(/&/g, '&amp;')}"`);
    expect(linkIn(notice.text, 'Jiondoe')).toBe(unsubscribeUrl);

    // RFC 8058: the mail client POSTs List-Unsubscribe=One-Click to the URL, nothing else.
    const oneClick = await t.app.request(pathOf(unsubscribeUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    const [row] = await t.db.select().from(subscribers).where(eq(subscribers.email, 'wanjiru@example.com'));
    expect(row.state).toBe('unsubscribed');

    await publishTestUpdate(t.db, incident, { body: 'Printing has resumed.', status: 'resolved' });
    await h.worker.drainOnce();
    expect(resend.emails).toHaveLength(2);
  });

  it('a confirm token does not unsubscribe and an unsubscribe token does not confirm', async () => {
    h = await createBroadcastHarness();
    const { t, resend } = h;
    await postSubscribeForm(t, [['email', 'otieno@example.com']]);
    await h.worker.drainOnce();
    const confirmUrl = linkIn(resend.emails[0].text, 'Confirm my subscription');
    const unsubscribeUrl = linkIn(resend.emails[0].text, 'Unsubscribe');
    const confirmToken = new URL(confirmUrl).searchParams.get('token');
    const unsubscribeToken = new URL(unsubscribeUrl).searchParams.get('token');

    expect((await t.app.request(`/subscribe/confirm?token=${unsubscribeToken}`, { method: 'POST' })).status).toBe(404);
    expect((await t.app.request(`/subscribe/unsubscribe?token=${confirmToken}`, { method: 'POST' })).status).toBe(404);
    expect((await t.app.request(`/subscribe/confirm?token=${confirmToken!.slice(0, -2)}AA`, { method: 'POST' })).status).toBe(404);
    expect((await t.db.select().from(subscribers))[0].state).toBe('pending');
    expect((await t.app.request(pathOf(confirmUrl), { method: 'POST' })).status).toBe(303);
    expect((await t.db.select().from(subscribers))[0].state).toBe('confirmed');
  });

  it('notifies only those who follow a component the update concerns, or everything', async () => {
    h = await createBroadcastHarness();
    const { t, resend } = h;
    const { incidentId, componentId } = await createPublishedIncident(t.db);
    await t.db.insert(components).values({ id: 'cmp-other', name: 'Passport collection, Mombasa', status: 'operational', position: 2 });
    await postSubscribeForm(t, [['email', 'follows-it@example.com'], ['components', componentId]]);
    await postSubscribeForm(t, [['email', 'follows-other@example.com'], ['components', 'cmp-other']]);
    await postSubscribeForm(t, [['email', 'follows-all@example.com']]);
    await t.db.update(subscribers).set({ state: 'confirmed' });
    await h.worker.drainOnce();
    const confirmations = resend.emails.length;

    await publishUpdateWith(t.db, incidentId, { body: 'Printing has stopped.', status: 'investigating' });
    await h.worker.drainOnce();
    expect(resend.emails.slice(confirmations).map((email) => email.to).sort()).toEqual(['follows-all@example.com', 'follows-it@example.com']);
  });

  it('a confirmation email Resend refused is rendered again and sent when a publisher re-drives it', async () => {
    let refuse = true;
    h = await createBroadcastHarness({ resend: { rejects: () => refuse } });
    const { t, resend } = h;
    await postSubscribeForm(t, [['email', 'late@example.com']]);
    await h.worker.drainOnce();
    const [failed] = await t.db.select().from(deliveries).where(eq(deliveries.channel, 'subscriber_email'));
    expect(failed.state).toBe('failed');
    refuse = false;
    expect((await t.request('POST', `/api/v1/deliveries/${failed.id}/retry`, { token: t.tokens.publisher })).status).toBeLessThan(300);
    await h.worker.drainOnce();
    expect(resend.emails).toHaveLength(1);
    expect(resend.emails[0].subject).toContain('Confirm your subscription');
    expect(resend.emails[0].headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  it('one-click also works as multipart/form-data, and a forged link shows no button', async () => {
    h = await createBroadcastHarness();
    const { t, resend } = h;
    await postSubscribeForm(t, [['email', 'multi@example.com']]);
    await h.worker.drainOnce();
    const unsubscribePath = pathOf(linkIn(resend.emails[0].text, 'Unsubscribe'));
    const forged = await t.app.request(unsubscribePath.replace(/\.[A-Za-z0-9_-]+$/, '.AAAAAAAAAAAAAAAAAAAAAA'));
    expect(forged.status).toBe(404);
    expect(await forged.text()).not.toContain('<form');
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    const oneClick = await t.app.request(unsubscribePath, { method: 'POST', body: form });
    expect(oneClick.status).toBe(200);
    expect((await t.db.select().from(subscribers))[0].state).toBe('unsubscribed');
  });
});
