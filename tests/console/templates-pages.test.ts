import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, noticeTemplates } from '../../db/schema/index';
import { defaultNoticeTemplates } from '../../api/incidents/notice-templates';
import { signInAsNew } from '../support/console-session';
import { createTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(() => t?.close());

const edited = {
  name: 'Outage notice and apology (Nyayo House)',
  body: 'Passport services at Nyayo House are down. We apologise; applicants will get a new date by email.',
  body_sw: 'Huduma za pasipoti katika Nyumba ya Nyayo hazipatikani. Tunaomba radhi.',
  x_text: 'Passport services at Nyayo House are down. We apologise.',
};

describe('console: notice templates', () => {
  it('drafters read the templates but cannot change them', async () => {
    t = await createTestContext();
    const drafter = await signInAsNew(t, 'drafter');
    const list = await drafter.get('/console/templates');
    expect(list.status).toBe(200);
    const html = await list.text();
    for (const template of Object.values(defaultNoticeTemplates)) expect(html).toContain(template.name);
    expect(html).toContain('href="/console/incidents/new?template=outage"');
    const one = await (await drafter.get('/console/templates/outage')).text();
    expect(one).toContain(defaultNoticeTemplates.outage.bodySw);
    expect(one).not.toContain('action="/console/templates/outage"');
    const refused = await drafter.post('/console/templates/outage', edited);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('This page is for admin accounts');
    expect(await t.db.select().from(noticeTemplates)).toHaveLength(0);
    expect((await drafter.get('/console/templates/nope')).status).toBe(404);
  });

  it('an admin’s edit is saved, audited, and is what the next draft starts from', async () => {
    t = await createTestContext();
    const admin = await signInAsNew(t, 'admin');
    const drafter = await signInAsNew(t, 'drafter');
    const form = await (await admin.get('/console/templates/outage')).text();
    expect(form).toContain('action="/console/templates/outage"');
    expect(form).toContain('This is the default text');
    const saved = await admin.post('/console/templates/outage', edited);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/console/templates?done=saved');
    const [row] = await t.db.select().from(noticeTemplates);
    expect(row).toMatchObject({ kind: 'outage', name: edited.name, body: edited.body, bodySw: edited.body_sw, xText: edited.x_text, updatedBy: admin.userId });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'template.update'));
    expect(audit.map((e) => [e.targetId, e.userId])).toEqual([['outage', admin.userId]]);
    expect(await (await admin.get('/console/templates/outage')).text()).toContain('by Console admin');

    const draft = await (await drafter.get('/console/incidents/new?template=outage')).text();
    expect(draft).toContain(edited.body);
    expect(draft).toContain(edited.body_sw);
    expect(draft).toContain(edited.x_text);
    expect(draft).not.toContain(defaultNoticeTemplates.outage.body);
  });

  it('refuses an X text over 280 as X weighs it, and an empty Swahili text, beside the fields', async () => {
    t = await createTestContext();
    const admin = await signInAsNew(t, 'admin');
    // 141 CJK characters: 141 long, but X weighs each 2, so 282.
    const heavy = await admin.post('/console/templates/restored', { ...edited, body_sw: '', x_text: '日'.repeat(141) });
    expect(heavy.status).toBe(400);
    const html = await heavy.text();
    expect(html).toMatch(/id="x_text-error">The X post weighs 282 of 280/);
    expect(html).toMatch(/id="body_sw-error">Write the Swahili text/);
    expect(html).toContain(edited.body);
    expect(await t.db.select().from(noticeTemplates)).toHaveLength(0);

    // A 300-character link weighs 23, so this post fits.
    const link = `https://immigration.go.ke/${'a'.repeat(274)}`;
    expect((await admin.post('/console/templates/restored', { ...edited, x_text: `Back: ${link}` })).status).toBe(303);
    expect((await t.db.select().from(noticeTemplates))[0].xText).toBe(`Back: ${link}`);
  });
});
