const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Converts a `YYYY-MM-DD` date to its day number, the count of days since 1970-01-01
 * (negative before). Returns undefined when the text is not a real calendar date.
 */
export function toDayNumber(text: string): number | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;

  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const isSameDate =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isSameDate ? Math.round(date.getTime() / MS_PER_DAY) : undefined;
}

/** Returns whether the text is a real calendar date written as `YYYY-MM-DD`. */
export function isLocalDate(text: string): boolean {
  return toDayNumber(text) !== undefined;
}
