import { describe, expect, it } from 'vitest';
import type { ComponentStatus, IncidentKind, IncidentStatus } from '../../db/schema/constants';
import type { PublicIncident } from '../../api/status/public-model';
import { componentUptime, uptimeDayCount } from '../../api/status/uptime';

// Hand-checked histories. "Now" is 09:00 in Nairobi on 1 December 2026 (06:00 UTC), so the 90
// days run from 3 September to 1 December and today counts 9 hours.
const now = new Date('2026-12-01T09:00:00+03:00');
const hours = 3_600;
const fullWindowSeconds = 89 * 24 * hours + 9 * hours;
const component = { id: 'cmp', startDate: '2026-01-01', createdAt: '2026-01-01T00:00:00Z' };

type Step = { at: string; status: IncidentStatus; components?: Record<string, ComponentStatus> };

function incident(id: string, kind: IncidentKind, steps: Step[], resolvedAt: string | null): PublicIncident {
  const last = steps[steps.length - 1];
  return {
    id, kind, name: id, nameSw: null, status: last.status, impact: 'major',
    disruptionFrom: null, expectedRestoration: null, scheduledFor: null, scheduledUntil: null, postmortem: null, postmortemPublishedAt: null,
    publishedAt: steps[0].at, startedAt: steps[0].at, monitoringAt: null, resolvedAt, updatedAt: last.at,
    open: resolvedAt === null, affected: [],
    updates: steps.map((s, index) => ({
      id: `${id}-${index}`, incidentId: id, status: s.status, body: '', bodySw: null, components: s.components ?? {}, publishedAt: s.at,
    })),
  };
}

const day = (uptime: ReturnType<typeof componentUptime>, date: string) => {
  const found = uptime.days.find((d) => d.day === date);
  if (!found) throw new Error(`no ${date}`);
  return found;
};

describe('componentUptime', () => {
  it('covers 90 Nairobi days ending today, all up without incidents', () => {
    const uptime = componentUptime(component, [], now);
    expect(uptime.days).toHaveLength(uptimeDayCount);
    expect(uptime.days[0].day).toBe('2026-09-03');
    expect(uptime.days[89]).toMatchObject({ day: '2026-12-01', countedSeconds: 9 * hours, lostSeconds: 0, worst: null });
    expect(uptime.uptime).toBe(1);
  });

  it('splits an outage crossing midnight in Nairobi between the two Nairobi days (not the UTC ones)', () => {
    // 22:00 to 02:00 Nairobi is 19:00 to 23:00 UTC on the 20th: one UTC day, two Nairobi days.
    const outage = incident(
      'night',
      'incident',
      [
        { at: '2026-11-20T22:00:00+03:00', status: 'investigating', components: { cmp: 'major_outage' } },
        { at: '2026-11-21T02:00:00+03:00', status: 'resolved', components: { cmp: 'operational' } },
      ],
      '2026-11-21T02:00:00+03:00',
    );
    const uptime = componentUptime(component, [outage], now);
    expect(day(uptime, '2026-11-20')).toMatchObject({ lostSeconds: 2 * hours, affectedSeconds: 2 * hours, worst: 'major_outage' });
    expect(day(uptime, '2026-11-21')).toMatchObject({ lostSeconds: 2 * hours, affectedSeconds: 2 * hours, worst: 'major_outage' });
    expect(day(uptime, '2026-11-19').worst).toBeNull();
    expect(uptime.uptime).toBeCloseTo(1 - (4 * hours) / fullWindowSeconds, 12);
  });

  it('does not count a maintenance, even one that takes the service down, nor its scheduled announcement', () => {
    const maintenance = incident(
      'upgrade',
      'maintenance',
      [
        { at: '2026-11-01T10:00:00+03:00', status: 'scheduled', components: { cmp: 'under_maintenance' } },
        { at: '2026-11-07T06:00:00+03:00', status: 'in_progress', components: { cmp: 'major_outage' } },
        { at: '2026-11-07T12:00:00+03:00', status: 'completed', components: { cmp: 'operational' } },
      ],
      '2026-11-07T12:00:00+03:00',
    );
    const uptime = componentUptime(component, [maintenance], now);
    expect(day(uptime, '2026-11-01').worst).toBeNull();
    expect(day(uptime, '2026-11-07')).toMatchObject({ lostSeconds: 0, affectedSeconds: 6 * hours, worst: 'major_outage' });
    expect(uptime.uptime).toBe(1);
  });

  it('takes the worst of overlapping incidents at each moment instead of adding them, and counts a partial outage half', () => {
    // 10:00–14:00 major, 12:00–16:00 partial: 4 h lost fully, then 2 h lost half = 5 h.
    const major = incident(
      'a',
      'incident',
      [
        { at: '2026-11-10T10:00:00+03:00', status: 'investigating', components: { cmp: 'major_outage' } },
        { at: '2026-11-10T14:00:00+03:00', status: 'resolved' },
      ],
      '2026-11-10T14:00:00+03:00',
    );
    const partial = incident(
      'b',
      'incident',
      [
        { at: '2026-11-10T12:00:00+03:00', status: 'identified', components: { cmp: 'partial_outage' } },
        // An update that names no component keeps the status the one before set.
        { at: '2026-11-10T13:00:00+03:00', status: 'monitoring' },
        { at: '2026-11-10T16:00:00+03:00', status: 'resolved', components: { cmp: 'operational' } },
      ],
      '2026-11-10T16:00:00+03:00',
    );
    const degraded = incident(
      'c',
      'incident',
      [
        { at: '2026-11-10T15:00:00+03:00', status: 'investigating', components: { cmp: 'degraded_performance' } },
        { at: '2026-11-10T18:00:00+03:00', status: 'resolved' },
      ],
      '2026-11-10T18:00:00+03:00',
    );
    const uptime = componentUptime(component, [major, partial, degraded], now);
    expect(day(uptime, '2026-11-10')).toMatchObject({ lostSeconds: 5 * hours, affectedSeconds: 8 * hours, worst: 'major_outage' });
    expect(uptime.uptime).toBeCloseTo(1 - (5 * hours) / fullWindowSeconds, 12);
  });

  it('counts an open incident until now', () => {
    const open = incident('open', 'incident', [{ at: '2026-12-01T07:00:00+03:00', status: 'identified', components: { cmp: 'major_outage' } }], null);
    const uptime = componentUptime(component, [open], now);
    expect(day(uptime, '2026-12-01')).toMatchObject({ countedSeconds: 9 * hours, lostSeconds: 2 * hours, worst: 'major_outage' });
  });

  it('counts only the days since a component added 10 days ago existed', () => {
    const added = { id: 'cmp', startDate: null, createdAt: '2026-11-21T12:00:00+03:00' };
    const before = incident(
      'before',
      'incident',
      [
        { at: '2026-11-15T08:00:00+03:00', status: 'investigating', components: { cmp: 'major_outage' } },
        { at: '2026-11-15T18:00:00+03:00', status: 'resolved' },
      ],
      '2026-11-15T18:00:00+03:00',
    );
    const after = incident(
      'after',
      'incident',
      [
        { at: '2026-11-25T08:00:00+03:00', status: 'investigating', components: { cmp: 'major_outage' } },
        { at: '2026-11-25T10:00:00+03:00', status: 'resolved' },
      ],
      '2026-11-25T10:00:00+03:00',
    );
    const uptime = componentUptime(added, [before, after], now);
    expect(day(uptime, '2026-11-15')).toMatchObject({ countedSeconds: 0, lostSeconds: 0, worst: null });
    expect(day(uptime, '2026-11-20').countedSeconds).toBe(0);
    expect(day(uptime, '2026-11-21').countedSeconds).toBe(12 * hours);
    const counted = 12 * hours + 9 * 24 * hours + 9 * hours;
    expect(uptime.days.reduce((sum, d) => sum + d.countedSeconds, 0)).toBe(counted);
    expect(uptime.uptime).toBeCloseTo(1 - (2 * hours) / counted, 12);

    // A start date counts from that Nairobi midnight instead.
    const dated = componentUptime({ ...added, startDate: '2026-11-21' }, [], now);
    expect(day(dated, '2026-11-21').countedSeconds).toBe(24 * hours);
  });

  it('has no uptime for a component that does not exist yet', () => {
    expect(componentUptime({ id: 'cmp', startDate: '2026-12-05', createdAt: '2026-11-30T00:00:00Z' }, [], now).uptime).toBeNull();
  });
});
