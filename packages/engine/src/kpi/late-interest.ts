import { KpiInputError } from './kpi-input-error';

export interface LateInterestInput {
  /** Amount still unpaid, in minor units. */
  readonly outstandingMinor: number;
  /** Annual interest rate as a fraction: 0.10 for 10%. */
  readonly annualRate: number;
  /** Days since the due date. */
  readonly daysLate: number;
  /** Fixed compensation per invoice, in minor units (e.g. 4000 for the EU's 40 EUR). */
  readonly fixedFeeMinor?: number;
}

/** Late-payment interest and fee on an invoice, and the total the debtor then owes. */
export interface LateInterest {
  interestMinor: number;
  feeMinor: number;
  /** Outstanding amount plus interest plus fee. */
  totalMinor: number;
}

/**
 * Simple late-payment interest: `outstanding x annualRate x daysLate / 365`, rounded to the
 * nearest minor unit, plus the fixed fee. 100.00 at 10% for 15 days is 0.41; with a fee of
 * 10.00 the debtor owes 110.41.
 */
export function lateInterest(input: LateInterestInput): LateInterest {
  checkNonNegative('outstandingMinor', input.outstandingMinor, true);
  checkNonNegative('annualRate', input.annualRate, false);
  checkNonNegative('daysLate', input.daysLate, true);
  const feeMinor = input.fixedFeeMinor ?? 0;
  checkNonNegative('fixedFeeMinor', feeMinor, true);

  // NOTE: the day count is actual/365 in every year, leap years included.
  const interestMinor = Math.round(
    (input.outstandingMinor * input.annualRate * input.daysLate) / 365,
  );
  return { interestMinor, feeMinor, totalMinor: input.outstandingMinor + interestMinor + feeMinor };
}

function checkNonNegative(parameter: string, value: number, integer: boolean): void {
  const valid = Number.isFinite(value) && value >= 0 && (!integer || Number.isInteger(value));
  if (valid) return;
  const expected = integer ? 'a whole number of 0 or more' : 'a number of 0 or more';
  throw new KpiInputError(
    parameter,
    value,
    `${parameter} ${value} is invalid: expected ${expected}`,
  );
}
