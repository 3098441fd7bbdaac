import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPublishedData } from '../../api/status/read-published-data';
import { createTestContext, type TestContext } from '../support/test-context';
import { insertDemoScenario, secretTexts } from '../site/demo-scenario';
import { insertComponent, insertIncident } from '../site/insert-published-data';

describe('readPublishedData', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    await insertDemoScenario(t.db);
  });
  afterEach(() => t.close());

  it('shows a component at the worst status of the open incidents affecting it', async () => {
    const data = await readPublishedData(t.db);
    const byId = new Map(data.components.map((c) => [c.id, c]));
    expect(byId.get('cmp-nyh-app')?.status).toBe('major_outage');
    expect(byId.get('cmp-nyh-app')?.ownStatus).toBe('operational');
    expect(data.groups.find((g) => g.id === 'grp-nyh')?.status).toBe('major_outage');
    expect(data.status).toEqual({ indicator: 'critical', description: 'Major Service Outage' });
  });

  it('ignores resolved incidents, unpublished incidents and maintenance that has not started', async () => {
    const data = await readPublishedData(t.db);
    const byId = new Map(data.components.map((c) => [c.id, c]));
    expect(byId.get('cmp-msa-app')?.status).toBe('operational');
    expect(byId.get('cmp-nyh-col')?.status).toBe('operational');
    expect(byId.get('cmp-online')?.status).toBe('operational');
  });

  it('holds no draft, approved-but-unpublished or never-published text', async () => {
    const data = await readPublishedData(t.db);
    const text = JSON.stringify(data);
    for (const secret of Object.values(secretTexts)) expect(text).not.toContain(secret);
    expect(data.incidents.map((i) => i.id).sort()).toEqual(['inc-old', 'inc-outage', 'mnt-planned']);
    expect(data.incidents.find((i) => i.id === 'inc-outage')?.updates.map((u) => u.id)).toEqual(['upd-1', 'upd-2']);
  });

  it('shows maintenance under way once it starts', async () => {
    await insertComponent(t.db, { id: 'cmp-print', name: 'Printing' });
    await insertIncident(t.db, {
      id: 'mnt-now',
      kind: 'maintenance',
      name: 'Printer servicing',
      status: 'in_progress',
      impact: 'none',
      affected: { 'cmp-print': 'under_maintenance' },
      updates: [{ id: 'upd-now', status: 'in_progress', body: 'Servicing the printers.', at: '2026-11-25T06:00:00.000Z' }],
    });
    const data = await readPublishedData(t.db);
    expect(data.components.find((c) => c.id === 'cmp-print')?.status).toBe('under_maintenance');
  });
});
