import type { LocalDate } from '@dunflow/model';

/** Returns today's date in the machine's time zone, as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): LocalDate {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
