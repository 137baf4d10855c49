import { LocalDate } from '@dunflow/model';
import { KpiInputError } from './kpi-input-error';

const MS_PER_DAY = 86_400_000;
const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Raises a {@link KpiInputError} unless `value` is a real `YYYY-MM-DD` date. */
export function checkLocalDate(parameter: string, value: string): void {
  if (LocalDate.safeParse(value).success) return;
  throw new KpiInputError(
    parameter,
    value,
    `${parameter} '${value}' is invalid: expected a calendar date as YYYY-MM-DD, e.g. 2013-06-30`,
  );
}

/** Raises a {@link KpiInputError} unless `value` is a whole number of at least 1. */
export function checkPositiveInteger(parameter: string, value: number): void {
  if (Number.isInteger(value) && value >= 1) return;
  throw new KpiInputError(
    parameter,
    value,
    `${parameter} ${value} is invalid: expected a whole number of at least 1, e.g. 30`,
  );
}

/** Counts the days from 1970-01-01 to a valid `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

/** Converts a day number to its `YYYY-MM-DD` date. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Returns the first and last day of a `YYYY-MM` month. */
export function monthBounds(month: string): { first: string; last: string } {
  const match = MONTH_PATTERN.exec(month);
  if (!match) {
    throw new KpiInputError(
      'month',
      month,
      `month '${month}' is invalid: expected YYYY-MM with a month from 01 to 12, e.g. 2013-06`,
    );
  }
  const year = Number(match[1]);
  const monthIndex = Number(match[2]) - 1;
  return { first: `${month}-01`, last: lastDayOfMonth(year, monthIndex) };
}

/**
 * Returns the date `months` months before `date`, keeping the day of month where it exists.
 * A date on the last day of its month maps to the last day of the earlier month: 31 March
 * minus one month is 28 or 29 February, and so is 30 April minus two months.
 */
export function monthsBefore(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const targetLast = lastDayOfMonth(target.getUTCFullYear(), target.getUTCMonth());
  const isMonthEnd = date === lastDayOfMonth(year, month - 1);
  const targetLastDay = Number(targetLast.slice(8));
  if (isMonthEnd || day >= targetLastDay) return targetLast;
  return `${targetLast.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

function lastDayOfMonth(year: number, monthIndex: number): string {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).toISOString().slice(0, 10);
}
