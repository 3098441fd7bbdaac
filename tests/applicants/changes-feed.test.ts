import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { openDatabase } from '../../db/client';
import { appointments } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { chooseLinkPath, movedByOutage, postForm } from './applicant-fixtures';

type Change = { reference: string; from: string; to: string; office: string; service: string; reason: string; incident_id: string | null; at: string };
type Feed = { items: Change[]; next: string };

describe('the changes feed for the booking system (GET /appointments/changes)', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    await movedByOutage(t, { references: ['R1', 'R2', 'R3', 'R4', 'R5'] });
    await postForm(t, await chooseLinkPath(t, 'R1'), { date: '2026-06-08' });
  });
  afterEach(() => t.close());

  const feed = async (after: string | null, limit: number, token = t.tokens.integration): Promise<Feed> => {
    const response = await t.request('GET', `/api/v1/appointments/changes?limit=${limit}${after ? `&after=${after}` : ''}`, { token });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Feed;
    expect(response.headers.get('Hali-Next-Cursor')).toBe(body.next);
    return body;
  };

  it('hands back every move once, oldest first, across pages', async () => {
    const seen: Change[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { items, next }: Feed = await feed(cursor, 2);
      seen.push(...items);
      if (items.length === 0) {
        expect(next).toBe(cursor);
        break;
      }
      cursor = next;
    }
    expect(seen.map((change) => `${change.reference}:${change.from}>${change.to}`)).toEqual([
      // The outage's moves in the rule's order (original date, then reference), grouped by new date.
      'R1:2026-06-02>2026-06-04',
      'R3:2026-06-02>2026-06-04',
      'R5:2026-06-02>2026-06-04',
      'R2:2026-06-03>2026-06-05',
      'R4:2026-06-03>2026-06-05',
      'R1:2026-06-04>2026-06-08',
    ]);
    expect(seen[0]).toMatchObject({ office: 'NYH', service: 'application', incident_id: 'inc' });
    expect(seen.at(-1)).toMatchObject({ reason: "applicant's choice", incident_id: null });
  });

  it('continues where it stopped after a restart (the database reopened by a new app)', async () => {
    const first = await feed(null, 4);
    const connection = await openDatabase(t.config.database);
    try {
      const restarted = createApp({ config: t.config, db: connection.db, now: () => t.now.value, siteBuilds: { schedule: () => {}, status: () => t.siteBuildStatus } });
      const response = await restarted.request(`/api/v1/appointments/changes?after=${first.next}`, { headers: { Authorization: `Bearer ${t.tokens.integration}` } });
      const rest = (await response.json()) as Feed;
      expect([...first.items, ...rest.items]).toHaveLength(6);
      expect(rest.items.map((change) => change.reference)).toEqual(['R4', 'R1']);
    } finally {
      connection.close();
    }
  });

  it('answers CSV with the cursor in a header and every cell neutralised', async () => {
    const byHand = await t.request('POST', '/api/v1/appointments/R2/move', { token: t.tokens.publisher, json: { date: '2026-06-10', reason: '=HYPERLINK("http://evil.example")' } });
    expect(byHand.status).toBe(200);
    const response = await t.request('GET', '/api/v1/appointments/changes?limit=7', { token: t.tokens.publisher, headers: { Accept: 'text/csv' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('reference,from,to,office,service,reason,incident_id,at,from_office');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toMatch(/^"R1","2026-06-02","2026-06-04","NYH","application","Offices closed by ""Outage inc"" from 2026-06-02; serving again from 2026-06-04.","inc","2026-[^"]+","NYH"$/);
    expect(lines[7]).toMatch(/^"R2","2026-06-05","2026-06-10","NYH","application","'=HYPERLINK\(""http:\/\/evil.example""\)","",/);
    const next = response.headers.get('Hali-Next-Cursor');
    expect((await feed(next, 10)).items).toEqual([]);
  });

  it('refuses a cursor it did not give, and callers other than publisher, admin and integration', async () => {
    const bad = await t.request('GET', '/api/v1/appointments/changes?after=12', { token: t.tokens.admin });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(/next/);
    expect((await t.request('GET', '/api/v1/appointments/changes', { token: t.tokens.drafter })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/appointments', { token: t.tokens.integration })).status).toBe(403);
  });
});

describe('re-importing the booking system’s file after an applicant chose a date', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('changes nothing: the chosen date stays and the feed has no new change', async () => {
    const file = [
      'reference,full_name,email,language,service,office,appointment_date',
      'R1,Amina Wanjiru,amina@example.org,en,application,NYH,2026-06-02',
      'R2,Baraka Mwangi,baraka@example.org,sw,application,NYH,2026-06-03',
    ].join('\n');
    await movedByOutage(t, { references: [] });
    const imported = await t.request('POST', '/api/v1/appointments/import', { token: t.tokens.publisher, body: file, headers: { 'Content-Type': 'text/csv' } });
    expect(imported.status).toBe(200);
    const { runReschedule } = await import('../appointments/run-reschedule');
    await runReschedule(t.db, 'inc');
    expect((await postForm(t, await chooseLinkPath(t, 'R1'), { date: '2026-06-09' })).status).toBe(200);
    const before = (await (await t.request('GET', '/api/v1/appointments/changes', { token: t.tokens.integration })).json()) as Feed;

    const again = await t.request('POST', '/api/v1/appointments/import', { token: t.tokens.publisher, body: file, headers: { 'Content-Type': 'text/csv' } });
    expect(again.status).toBe(200);
    const rows = await t.db.select({ reference: appointments.reference, date: appointments.appointmentDate }).from(appointments).orderBy(appointments.reference);
    expect(rows).toEqual([{ reference: 'R1', date: '2026-06-09' }, { reference: 'R2', date: '2026-06-04' }]);
    const after = (await (await t.request('GET', `/api/v1/appointments/changes?after=${before.next}`, { token: t.tokens.integration })).json()) as Feed;
    expect(after.items).toEqual([]);
  });
});
