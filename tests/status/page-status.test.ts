import { describe, expect, it } from 'vitest';
import { pageStatus } from '../../api/status/page-status';

const calm = { componentStatuses: [], openIncidentImpacts: [], maintenanceInProgress: false } as const;

describe('pageStatus', () => {
  it('says all systems operational when everything works', () => {
    expect(pageStatus({ ...calm, componentStatuses: ['operational', 'operational'] })).toEqual({
      indicator: 'none',
      description: 'All Systems Operational',
    });
  });

  it('maps the worst component to Statuspage indicators and wording', () => {
    expect(pageStatus({ ...calm, componentStatuses: ['operational', 'degraded_performance'] })).toEqual({
      indicator: 'minor',
      description: 'Minor Service Outage',
    });
    expect(pageStatus({ ...calm, componentStatuses: ['partial_outage', 'degraded_performance'] })).toEqual({
      indicator: 'major',
      description: 'Partial System Outage',
    });
    expect(pageStatus({ ...calm, componentStatuses: ['major_outage', 'partial_outage'] })).toEqual({
      indicator: 'critical',
      description: 'Major Service Outage',
    });
  });

  it('raises the indicator to the impact of an open incident', () => {
    expect(pageStatus({ ...calm, componentStatuses: ['degraded_performance'], openIncidentImpacts: ['critical'] }).indicator).toBe('critical');
    expect(pageStatus({ ...calm, componentStatuses: ['operational'], openIncidentImpacts: ['minor'] }).indicator).toBe('minor');
  });

  it('says maintenance when work is under way and nothing is broken', () => {
    expect(pageStatus({ ...calm, componentStatuses: ['under_maintenance', 'operational'] })).toEqual({
      indicator: 'maintenance',
      description: 'Service Under Maintenance',
    });
    expect(pageStatus({ ...calm, componentStatuses: ['operational'], maintenanceInProgress: true }).indicator).toBe('maintenance');
  });

  it('lets an outage outrank maintenance elsewhere', () => {
    expect(pageStatus({ ...calm, componentStatuses: ['under_maintenance', 'partial_outage'] }).indicator).toBe('major');
  });
});
