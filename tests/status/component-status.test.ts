import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { componentStatuses } from '../../db/schema/constants';
import { componentSeverity, isIncidentOpen, shownComponentStatus, worstComponentStatus } from '../../api/status/component-status';

describe('worstComponentStatus', () => {
  it('orders outages above degradation above maintenance above operational', () => {
    expect(worstComponentStatus(['operational', 'degraded_performance', 'partial_outage'])).toBe('partial_outage');
    expect(worstComponentStatus(['under_maintenance', 'degraded_performance'])).toBe('degraded_performance');
    expect(worstComponentStatus(['operational', 'under_maintenance'])).toBe('under_maintenance');
    expect(worstComponentStatus(['major_outage', 'partial_outage'])).toBe('major_outage');
  });

  it('is operational when nothing is reported', () => {
    expect(worstComponentStatus([])).toBe('operational');
  });

  it('never answers a status better than any of its inputs', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...componentStatuses)), (statuses) => {
        const worst = worstComponentStatus(statuses);
        for (const status of statuses) expect(componentSeverity(worst)).toBeGreaterThanOrEqual(componentSeverity(status));
        if (statuses.length > 0) expect(statuses).toContain(worst);
      }),
    );
  });
});

describe('shownComponentStatus', () => {
  it('takes the worst status open incidents give the component', () => {
    expect(shownComponentStatus('operational', ['degraded_performance', 'major_outage'])).toBe('major_outage');
  });

  it('falls back to the status staff set when no open incident affects it', () => {
    expect(shownComponentStatus('degraded_performance', [])).toBe('degraded_performance');
    expect(shownComponentStatus('operational', [])).toBe('operational');
  });

  it('does not let an incident hide a worse status set on the component itself', () => {
    expect(shownComponentStatus('major_outage', ['degraded_performance'])).toBe('major_outage');
  });
});

describe('isIncidentOpen', () => {
  const published = '2026-11-24T06:00:00.000Z';

  it('counts published incidents until they are resolved', () => {
    for (const status of ['investigating', 'identified', 'monitoring'] as const) {
      expect(isIncidentOpen({ kind: 'incident', status, publishedAt: published })).toBe(true);
    }
    expect(isIncidentOpen({ kind: 'incident', status: 'resolved', publishedAt: published })).toBe(false);
  });

  it('never counts an incident that was not published', () => {
    expect(isIncidentOpen({ kind: 'incident', status: 'investigating', publishedAt: null })).toBe(false);
  });

  it('counts maintenance only while the work is under way', () => {
    expect(isIncidentOpen({ kind: 'maintenance', status: 'scheduled', publishedAt: published })).toBe(false);
    expect(isIncidentOpen({ kind: 'maintenance', status: 'in_progress', publishedAt: published })).toBe(true);
    expect(isIncidentOpen({ kind: 'maintenance', status: 'verifying', publishedAt: published })).toBe(true);
    expect(isIncidentOpen({ kind: 'maintenance', status: 'completed', publishedAt: published })).toBe(false);
  });
});
