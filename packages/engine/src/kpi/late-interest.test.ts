import { describe, expect, it } from 'vitest';
import { lateInterest } from './late-interest';

describe('lateInterest', () => {
  it('matches the 110.41 example', () => {
    const result = lateInterest({
      outstandingMinor: 100_00,
      annualRate: 0.1,
      daysLate: 15,
      fixedFeeMinor: 10_00,
    });
    expect(result).toEqual({ interestMinor: 41, feeMinor: 10_00, totalMinor: 110_41 });
  });

  it('charges nothing before the due date passes', () => {
    expect(lateInterest({ outstandingMinor: 5000, annualRate: 0.12, daysLate: 0 })).toEqual({
      interestMinor: 0,
      feeMinor: 0,
      totalMinor: 5000,
    });
  });

  it('rejects negative days late', () => {
    expect(() => lateInterest({ outstandingMinor: 5000, annualRate: 0.12, daysLate: -1 })).toThrow(
      'daysLate -1 is invalid',
    );
  });
});
