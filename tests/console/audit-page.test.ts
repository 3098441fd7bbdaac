import { afterEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index';
import { signInAsNew } from '../support/console-session';
import { createTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(() => t?.close());

/** The targets of the listed entries, top to bottom: what a filter let through, in the page's order. */
const listedTargets = (html: string) => [...html.matchAll(/<td>[a-z_]+ <code>([^<]+)<\/code><\/td>/g)].map((m) => m[1]);

describe('console: audit log', () => {
  it('is for admins, as GET /api/v1/audit: publishers and drafters get the 403 page', async () => {
    t = await createTestContext();
    for (const role of ['publisher', 'drafter'] as const) {
      const person = await signInAsNew(t, role);
      const page = await person.get('/console/audit');
      expect(page.status).toBe(403);
      expect(await page.text()).toContain('This page is for admin accounts');
      expect(await (await person.get('/console')).text()).not.toContain('href="/console/audit"');
    }
  });

  it('lists entries newest first with the person’s name and Nairobi time, and filters by who, what and Nairobi days', async () => {
    t = await createTestContext();
    const admin = await signInAsNew(t, 'admin');
    const publisher = await signInAsNew(t, 'publisher');
    await t.db.delete(auditLog); // account creation is audited too; these tests want only their own entries
    await t.db.insert(auditLog).values([
      { at: '2026-05-31T20:59:59.000Z', userId: publisher.userId, action: 'appointment.move', targetType: 'appointment', targetId: 'MAY-31', detail: { from: '2026-06-02', to: '2026-06-06' } },
      // 21:00 UTC on 31 May is midnight, 1 June, in Nairobi.
      { at: '2026-05-31T21:00:00.000Z', userId: publisher.userId, action: 'component.update', targetType: 'component', targetId: 'JUNE-1' },
      { at: '2026-06-02T10:00:00.000Z', userId: admin.userId, action: 'appointment.move', targetType: 'appointment', targetId: 'JUNE-2', tokenId: 'tok-1' },
      { at: '2026-06-02T20:59:00.000Z', userId: null, action: 'appointments.import', targetType: 'appointment', targetId: 'JUNE-2-LATE', detail: { source: 'cli', inserted: 3 } },
      { at: '2026-06-02T21:00:00.000Z', userId: admin.userId, action: 'component.update', targetType: 'component', targetId: 'JUNE-3' },
    ]);

    const all = await admin.get('/console/audit');
    expect(all.status).toBe(200);
    const html = await all.text();
    expect(listedTargets(html)).toEqual(['JUNE-3', 'JUNE-2-LATE', 'JUNE-2', 'JUNE-1', 'MAY-31']);
    expect(html).toContain('Console publisher');
    expect(html).toContain('the system');
    expect(html).toContain('(API token)');
    expect(html).toContain('from: 2026-06-02; to: 2026-06-06');
    // 20:59:59 UTC on 31 May is 23:59 in Nairobi, with the zone named.
    expect(html).toMatch(/<time datetime="2026-05-31T20:59:59.000Z">Sun,? 31 May 2026,? 23:59 EAT \(Nairobi\)<\/time>/);

    const byPerson = await (await admin.get(`/console/audit?account=${publisher.userId}`)).text();
    expect(listedTargets(byPerson)).toEqual(['JUNE-1', 'MAY-31']);
    expect(byPerson).toContain(`<option value="${publisher.userId}" selected="">Console publisher (publisher)</option>`);

    expect(listedTargets(await (await admin.get('/console/audit?action=appointment.move')).text())).toEqual(['JUNE-2', 'MAY-31']);
    expect(listedTargets(await (await admin.get('/console/audit?from=2026-06-01&to=2026-06-02')).text())).toEqual(['JUNE-2-LATE', 'JUNE-2', 'JUNE-1']);
    expect(listedTargets(await (await admin.get('/console/audit?from=2026-06-02')).text())).toEqual(['JUNE-3', 'JUNE-2-LATE', 'JUNE-2']);
    expect(listedTargets(await (await admin.get(`/console/audit?account=${admin.userId}&action=component.update&to=2026-06-03`)).text())).toEqual(['JUNE-3']);
    expect(await (await admin.get('/console/audit?action=incident.delete')).text()).toContain('No entries match.');
  });

  it('puts a bad day beside its field and does not search', async () => {
    t = await createTestContext();
    const admin = await signInAsNew(t, 'admin');
    const wrong = await admin.get('/console/audit?from=2026-06-31');
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(html).toMatch(/id="from-error">Give a real day/);
    expect(html).toContain('The log was not searched');
    expect(listedTargets(html)).toEqual([]);
    const swapped = await admin.get('/console/audit?from=2026-06-05&to=2026-06-01');
    expect(await swapped.text()).toMatch(/id="to-error">The last day comes before the first/);
  });

  it('pages 50 entries at a time, keeping the filters', async () => {
    t = await createTestContext();
    const admin = await signInAsNew(t, 'admin');
    await t.db.delete(auditLog);
    await t.db.insert(auditLog).values(
      Array.from({ length: 120 }, (_, i) => ({
        at: new Date(Date.UTC(2026, 5, 1, 6, i)).toISOString(),
        userId: admin.userId,
        action: i % 2 === 0 ? 'component.update' : 'appointment.move',
        targetType: 'component',
        targetId: `E${String(i).padStart(3, '0')}`,
      })),
    );
    const first = await (await admin.get('/console/audit?action=component.update')).text();
    expect(first).toContain('60 entries; page 1 of 2.');
    expect(listedTargets(first)).toHaveLength(50);
    expect(listedTargets(first)[0]).toBe('E118');
    expect(first).toContain('href="/console/audit?action=component.update&amp;page=2"');
    const second = await (await admin.get('/console/audit?action=component.update&page=2')).text();
    expect(listedTargets(second)).toEqual(['E018', 'E016', 'E014', 'E012', 'E010', 'E008', 'E006', 'E004', 'E002', 'E000']);
    expect(second).toContain('href="/console/audit?action=component.update" rel="prev"');
  });
});
