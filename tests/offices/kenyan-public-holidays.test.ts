import { describe, expect, it } from 'vitest';
import { kenyanPublicHoliday } from '../../api/offices/kenyan-public-holidays';
import { createOfficeCapacity } from '../../api/offices/office-capacity';

describe('Kenyan public holidays (date-holidays, KE)', () => {
  it('knows fixed holidays', () => {
    expect(kenyanPublicHoliday('2026-06-01')).toMatch(/Madaraka/);
    expect(kenyanPublicHoliday('2026-10-20')).toMatch(/Mashujaa/);
    expect(kenyanPublicHoliday('2026-12-12')).toMatch(/Jamhuri/);
    expect(kenyanPublicHoliday('2026-06-02')).toBeNull();
  });

  it('knows holidays that move: Easter, the Eids and Monday substitutes for Sunday holidays', () => {
    expect(kenyanPublicHoliday('2026-04-03')).toMatch(/Good Friday/);
    expect(kenyanPublicHoliday('2027-03-26')).toMatch(/Good Friday/);
    expect(kenyanPublicHoliday('2026-03-20')).toMatch(/Eid al-Fitr/);
    expect(kenyanPublicHoliday('2026-05-27')).not.toBeNull();
    expect(kenyanPublicHoliday('2027-10-11')).toMatch(/Moi Day/);
    expect(kenyanPublicHoliday('2027-12-13')).toMatch(/Jamhuri/);
  });
});

describe('office capacity', () => {
  const officeCapacity = createOfficeCapacity([
    {
      code: 'NYH',
      capacity: { application: [10, 11, 12, 13, 14, 0, 0], collection: [5, 5, 5, 5, 5, 0, 0] },
      overrides: [
        { date: '2026-06-06', service: 'application', capacity: 40 },
        { date: '2026-06-01', service: 'collection', capacity: 7 },
        { date: '2026-06-03', service: 'application', capacity: 0 },
      ],
    },
  ]);

  it('uses the weekday capacity, Monday first', () => {
    expect(officeCapacity.capacityOn('NYH', 'application', '2026-06-02')).toBe(11); // Tuesday
    expect(officeCapacity.capacityOn('NYH', 'application', '2026-06-05')).toBe(14); // Friday
  });

  it('closes weekends and holidays unless an override opens them', () => {
    expect(officeCapacity.dayCapacity('NYH', 'application', '2026-06-07')).toMatchObject({ capacity: 0, source: 'weekend' });
    expect(officeCapacity.dayCapacity('NYH', 'application', '2026-06-01')).toMatchObject({ capacity: 0, source: 'holiday' });
    expect(officeCapacity.dayCapacity('NYH', 'collection', '2026-06-01')).toMatchObject({ capacity: 7, source: 'override' });
    expect(officeCapacity.dayCapacity('NYH', 'application', '2026-06-06')).toMatchObject({ capacity: 40, source: 'override' });
  });

  it('lets an override close an ordinary weekday for one service only', () => {
    expect(officeCapacity.capacityOn('NYH', 'application', '2026-06-03')).toBe(0);
    expect(officeCapacity.capacityOn('NYH', 'collection', '2026-06-03')).toBe(5);
  });

  it('treats an unknown office as closed', () => {
    expect(officeCapacity.capacityOn('XXX', 'application', '2026-06-02')).toBe(0);
  });
});
