import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog, offices, type WeeklyCapacity } from '../../db/schema/index';
import { signInAsNew } from '../support/console-session';
import { createTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(() => t?.close());

const week: WeeklyCapacity = [10, 10, 10, 10, 10, 0, 0];

describe('console: an office’s nearby office', () => {
  it('is chosen from the other offices by a publisher, audited, and cleared with "None"; a drafter cannot', async () => {
    t = await createTestContext();
    for (const [code, name] of [['NYH', 'Nyayo House'], ['NKR', 'Nakuru Regional Office']]) {
      await t.db.insert(offices).values({ code, name, address: '', applicationCapacity: week, collectionCapacity: week });
    }
    const publisher = await signInAsNew(t, 'publisher');
    const page = await (await publisher.get('/console/offices/NYH')).text();
    expect(page).toContain('<option value="NKR">Nakuru Regional Office (NKR)</option>');
    expect(page).not.toContain('<option value="NYH">');

    const saved = await publisher.post('/console/offices/NYH/nearby', { nearby_office: 'NKR', month: '2026-06' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toContain('done=nearby');
    const nearbyOf = async () => (await t.db.select().from(offices).where(eq(offices.code, 'NYH')))[0].nearbyOfficeCode;
    expect(await nearbyOf()).toBe('NKR');
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'office.update'));
    expect(audit).toMatchObject({ targetId: 'NYH', userId: publisher.userId });

    expect((await publisher.post('/console/offices/NYH/nearby', { nearby_office: '', month: '2026-06' })).status).toBe(303);
    expect(await nearbyOf()).toBeNull();

    const drafter = await signInAsNew(t, 'drafter');
    expect((await drafter.post('/console/offices/NYH/nearby', { nearby_office: 'NKR', month: '2026-06' })).status).toBe(403);
    expect(await nearbyOf()).toBeNull();
  });
});
