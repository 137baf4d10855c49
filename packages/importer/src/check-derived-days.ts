import { daysBetween } from './local-date';
import { parseDayCount } from './parse-day-count';
import type { InvoiceDates } from './read-dates';
import type { RowReader } from './row-reader';

/**
 * Checks the columns some ERPs derive from the dates: days to settle (settled date minus issue
 * date) and days late (settled date minus due date, at least 0). Without a settled date there
 * is nothing to compare, so only the number itself is checked.
 */
export function checkDerivedDays(row: RowReader, dates: InvoiceDates): void {
  const { issueDate, dueDate, settledDate } = dates;
  const daysToSettle = row.optional('daysToSettle', parseDayCount);
  const daysLate = row.optional('daysLate', parseDayCount);
  if (settledDate === undefined) return;

  if (daysToSettle !== undefined && issueDate !== undefined) {
    const expected = daysBetween(issueDate, settledDate);
    const span = `from ${row.header('issueDate')} ${issueDate} to ${row.header('settledDate')} ${settledDate}`;
    compare(row, 'daysToSettle', daysToSettle, expected, span);
  }
  if (daysLate !== undefined && dueDate !== undefined) {
    const expected = Math.max(0, daysBetween(dueDate, settledDate));
    const span = `${row.header('settledDate')} ${settledDate} minus ${row.header('dueDate')} ${dueDate}, at least 0`;
    compare(row, 'daysLate', daysLate, expected, span);
  }
}

function compare(
  row: RowReader,
  field: 'daysToSettle' | 'daysLate',
  found: number,
  expected: number,
  span: string,
): void {
  if (found === expected) return;
  row.reject(field, `${row.header(field)} is ${found}, but the dates give ${expected} (${span})`);
}
