import { LocalDate } from '@dunflow/model';
import { InvalidArgumentError } from './errors';

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Raises an {@link InvalidArgumentError} unless `value` is a real `YYYY-MM-DD` date. */
export function checkLocalDate(parameter: string, value: string): void {
  if (LocalDate.safeParse(value).success) return;
  throw new InvalidArgumentError(
    parameter,
    value,
    `${parameter} '${value}' is invalid: expected a calendar date as YYYY-MM-DD, e.g. 2013-06-30`,
  );
}

/** Raises an {@link InvalidArgumentError} unless `value` is a whole number from `min` to `max`. */
export function checkInteger(parameter: string, value: number, min: number, max: number): void {
  if (Number.isInteger(value) && value >= min && value <= max) return;
  throw new InvalidArgumentError(
    parameter,
    value,
    `${parameter} ${value} is invalid: expected a whole number from ${min} to ${max}`,
  );
}

/** Returns the first and last day of a `YYYY-MM` month. */
export function monthBounds(month: string): { first: string; last: string } {
  const match = MONTH_PATTERN.exec(month);
  if (!match) {
    throw new InvalidArgumentError(
      'month',
      month,
      `month '${month}' is invalid: expected YYYY-MM with a month from 01 to 12, e.g. 2013-06`,
    );
  }
  const lastDay = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0));
  return { first: `${month}-01`, last: lastDay.toISOString().slice(0, 10) };
}
