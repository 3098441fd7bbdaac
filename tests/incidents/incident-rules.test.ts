import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incidentFieldsAfter } from '../../api/incidents/apply-update-to-incident';
import { assertMayApprove, assertMayPublish } from '../../api/incidents/four-eyes';
import { checkRestoration, checkSchedule } from '../../api/incidents/incident-input-rules';
import { dayOf } from '../../api/offices/nairobi-days';
import type { IncidentRow, IncidentUpdateRow } from '../../db/schema/index';

const incident = {
  id: 'inc1',
  kind: 'incident',
  name: 'Outage',
  status: 'investigating',
  impact: 'major',
  disruptionFrom: '2026-11-24',
  expectedRestoration: '2026-12-01',
  scheduledFor: null,
  scheduledUntil: null,
  postmortem: null,
  publishedAt: '2026-11-24T06:00:00.000Z',
  startedAt: '2026-11-24T06:00:00.000Z',
  monitoringAt: null,
  resolvedAt: null,
  createdBy: 'tok-a',
  nameSw: null,
  postmortemPublishedAt: null,
  createdAt: '2026-11-24T05:00:00.000Z',
  updatedAt: '2026-11-24T06:00:00.000Z',
} satisfies IncidentRow;

const update = (changes: Partial<IncidentUpdateRow>): IncidentUpdateRow => ({
  id: 'upd1',
  incidentId: 'inc1',
  state: 'draft',
  status: 'identified',
  body: 'b',
  bodySw: null,
  xText: null,
  components: {},
  expectedRestoration: null,
  draftedBy: 'tok-a',
  returnComment: null,
  returnedBy: null,
  returnedAt: null,
  approvedBy: null,
  publishedBy: null,
  overrideReason: null,
  xPostId: null,
  createdAt: '',
  updatedAt: '',
  approvedAt: null,
  publishedAt: null,
  ...changes,
});

describe('what a published update does to its incident', () => {
  const at = '2026-11-26T09:00:00.000Z';

  it('keeps first-publish times and the announced restoration day unless the update sets one', () => {
    expect(incidentFieldsAfter(incident, update({}), at)).toMatchObject({
      status: 'identified',
      expectedRestoration: '2026-12-01',
      publishedAt: incident.publishedAt,
      startedAt: incident.startedAt,
      updatedAt: at,
    });
    expect(incidentFieldsAfter(incident, update({ expectedRestoration: '2026-12-04' }), at).expectedRestoration).toBe('2026-12-04');
  });

  it('stamps monitoring and resolution once, and clears the resolution when reopened', () => {
    const monitoring = incidentFieldsAfter(incident, update({ status: 'monitoring' }), at);
    expect(monitoring.monitoringAt).toBe(at);
    const resolved = incidentFieldsAfter({ ...incident, ...monitoring }, update({ status: 'resolved' }), '2026-11-27T09:00:00.000Z');
    expect(resolved).toMatchObject({ resolvedAt: '2026-11-27T09:00:00.000Z', monitoringAt: at });
    const reopened = incidentFieldsAfter({ ...incident, ...resolved }, update({ status: 'investigating' }), '2026-11-28T09:00:00.000Z');
    expect(reopened.resolvedAt).toBeNull();
  });
});

describe('input rules', () => {
  it('takes the Nairobi day of any instant (UTC+3, no daylight saving)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (instant) => {
        const expected = new Date(instant.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
        expect(dayOf(instant.toISOString())).toBe(expected);
      }),
    );
    expect(dayOf('2026-11-24')).toBe('2026-11-24');
  });

  it('allows restoration on the first day of disruption but not before it', () => {
    expect(checkRestoration('2026-11-24', '2026-11-24')).toEqual([]);
    expect(checkRestoration('2026-11-24', '2026-11-23').map((e) => e.field)).toEqual(['expected_restoration']);
    expect(checkRestoration(null, '2026-11-23')).toEqual([]);
  });

  it('lets an incident go unscheduled but not a maintenance', () => {
    expect(checkSchedule('incident', null, null)).toEqual([]);
    expect(checkSchedule('maintenance', '2026-11-28T06:00:00.000Z', '2026-11-28T06:00:00.000Z').map((e) => e.field)).toEqual(['scheduled_until']);
  });
});

describe('four-eyes', () => {
  it('refuses the drafter, except an admin with a reason; scripts (no token) are not restricted', () => {
    const draft = update({ draftedBy: 'tok-a' });
    expect(() => assertMayApprove(draft, { userId: 'tok-a', tokenId: null, role: 'publisher' })).toThrow(/someone else must approve/);
    expect(() => assertMayApprove(draft, { userId: 'tok-b', tokenId: null, role: 'publisher' })).not.toThrow();
    expect(() => assertMayPublish(draft, { userId: 'tok-a', tokenId: null, role: 'admin' }, null)).toThrow(/override_reason/);
    expect(() => assertMayPublish(draft, { userId: 'tok-a', tokenId: null, role: 'admin' }, 'No second publisher at night')).not.toThrow();
    expect(() => assertMayPublish(draft, { userId: 'tok-b', tokenId: null, role: 'publisher' }, 'reason')).toThrow(/Only an admin/);
    expect(() => assertMayPublish(update({ draftedBy: null }), { userId: null, tokenId: null, role: 'admin' }, null)).not.toThrow();
  });
});
