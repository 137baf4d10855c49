import type { ScenarioSettings } from '@dunflow/model';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addDays,
  applyDelay,
  dateOf,
  daysBetween,
  isoWeekday,
  startOfDay,
} from './calendar';
import { CalendarError } from './calendar-error';

const SETTINGS: ScenarioSettings = {
  businessDays: [1, 2, 3, 4, 5],
  // Easter Monday 2026 in France.
  holidays: { FR: ['2026-04-06'] },
};

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('goes backwards with negative days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('daysBetween', () => {
  it('is positive when the second date is later', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
  });
});

describe('startOfDay and dateOf', () => {
  it('gives midnight UTC', () => {
    expect(startOfDay('2026-03-02')).toBe('2026-03-02T00:00:00.000Z');
  });

  it('reads the UTC date of an instant', () => {
    expect(dateOf('2026-03-02T23:59:59.999Z')).toBe('2026-03-02');
  });

  it('finds ISO weekdays', () => {
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(isoWeekday('2026-03-08')).toBe(7);
  });
});

describe('addBusinessDays', () => {
  it('skips a weekend', () => {
    // Friday 3 April 2026 + 1 business day is Monday 6 April without holidays.
    expect(addBusinessDays('2026-04-03', 1, SETTINGS)).toBe('2026-04-06');
  });

  it('skips a weekend and a holiday of the country', () => {
    expect(addBusinessDays('2026-04-03', 1, SETTINGS, 'FR')).toBe('2026-04-07');
    expect(addBusinessDays('2026-04-02', 3, SETTINGS, 'FR')).toBe('2026-04-08');
  });

  it('ignores holidays of other countries', () => {
    expect(addBusinessDays('2026-04-03', 1, SETTINGS, 'DE')).toBe('2026-04-06');
  });

  it('goes backwards with negative days', () => {
    expect(addBusinessDays('2026-04-07', -1, SETTINGS, 'FR')).toBe('2026-04-03');
    expect(addBusinessDays('2026-04-06', -1, SETTINGS)).toBe('2026-04-03');
  });

  it('returns the date itself for zero days', () => {
    expect(addBusinessDays('2026-04-04', 0, SETTINGS)).toBe('2026-04-04');
  });

  it('honours other business weeks', () => {
    const sundayToThursday = { businessDays: [7, 1, 2, 3, 4], holidays: {} };
    // Thursday 2 April 2026 + 1 is Sunday 5 April.
    expect(addBusinessDays('2026-04-02', 1, sundayToThursday)).toBe('2026-04-05');
  });

  it('rejects settings without business days', () => {
    const call = () => addBusinessDays('2026-04-02', 1, { businessDays: [], holidays: {} });
    expect(call).toThrow(CalendarError);
    expect(call).toThrow(/businessDays is empty/);
  });
});

describe('applyDelay', () => {
  const anchor = '2026-04-03T09:30:00.000Z';

  it('adds calendar days and seconds', () => {
    const delay = { sign: 1 as const, days: 2, seconds: 90 };
    expect(applyDelay(anchor, delay, 'calendar', SETTINGS)).toBe('2026-04-05T09:31:30.000Z');
  });

  it('subtracts a negative delay', () => {
    const delay = { sign: -1 as const, days: 3, seconds: 0 };
    expect(applyDelay(anchor, delay, 'calendar', SETTINGS)).toBe('2026-03-31T09:30:00.000Z');
  });

  it('counts business days and keeps the time of day', () => {
    const delay = { sign: 1 as const, days: 1, seconds: 0 };
    expect(applyDelay(anchor, delay, 'business', SETTINGS, 'FR')).toBe('2026-04-07T09:30:00.000Z');
  });

  it('rejects an invalid instant', () => {
    const delay = { sign: 1 as const, days: 1, seconds: 0 };
    expect(() => applyDelay('tomorrow', delay, 'calendar', SETTINGS)).toThrow(
      /'tomorrow' is invalid/,
    );
  });
});
