import type { CompiledDelay, Instant, LocalDate, ScenarioSettings } from '@dunflow/model';
import { CalendarError } from './calendar-error';

const MS_PER_DAY = 86_400_000;

/** Whether a delay counts every day (`calendar`) or only business days (`business`). */
export type DelayCalendar = 'calendar' | 'business';

/** Adds whole days to a date; `days` may be negative. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return toLocalDate(toEpochMs(date) + days * MS_PER_DAY);
}

/** Counts the days from `a` to `b`: positive when `b` is later. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((toEpochMs(b) - toEpochMs(a)) / MS_PER_DAY);
}

/** Returns midnight UTC at the start of a date. */
export function startOfDay(date: LocalDate): Instant {
  return new Date(toEpochMs(date)).toISOString();
}

/** Returns the UTC date of an instant. */
export function dateOf(instant: Instant): LocalDate {
  return toLocalDate(parseInstant(instant));
}

/** Returns the ISO weekday of a date, 1 = Monday to 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const weekday = new Date(toEpochMs(date)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/**
 * Returns whether a date is a business day: one of `settings.businessDays` and not a holiday of the
 * customer's country. Without a country code no holidays apply.
 */
export function isBusinessDay(
  date: LocalDate,
  settings: ScenarioSettings,
  countryCode?: string,
): boolean {
  if (!settings.businessDays.includes(isoWeekday(date))) return false;
  const holidays = countryCode === undefined ? undefined : settings.holidays[countryCode];
  return holidays?.includes(date) !== true;
}

/**
 * Moves a date by `days` business days, backwards when negative. Only business days count, so
 * one business day after a Friday is the next Monday; zero days returns the date itself.
 */
export function addBusinessDays(
  date: LocalDate,
  days: number,
  settings: ScenarioSettings,
  countryCode?: string,
): LocalDate {
  if (settings.businessDays.length === 0) {
    throw new CalendarError(
      'businessDays',
      settings.businessDays,
      'settings.businessDays is empty, so no day is a business day; list ISO weekdays, e.g. [1, 2, 3, 4, 5]',
    );
  }
  const direction = Math.sign(days);
  let current = date;
  for (let counted = 0; counted < Math.abs(days);) {
    current = addDays(current, direction);
    if (isBusinessDay(current, settings, countryCode)) counted += 1;
  }
  return current;
}

/**
 * Applies a compiled delay to an anchor. Calendar delays add exact days and seconds. Business
 * delays move the anchor's date by business days and keep its time of day. Any seconds are then
 * added as plain time, although the compiler only allows whole days there.
 */
export function applyDelay(
  anchor: Instant,
  delay: CompiledDelay,
  calendar: DelayCalendar,
  settings: ScenarioSettings,
  countryCode?: string,
): Instant {
  const anchorMs = parseInstant(anchor);
  const secondsMs = delay.sign * delay.seconds * 1000;
  if (calendar === 'calendar') {
    return new Date(anchorMs + delay.sign * delay.days * MS_PER_DAY + secondsMs).toISOString();
  }
  const date = toLocalDate(anchorMs);
  const timeOfDayMs = anchorMs - toEpochMs(date);
  const moved = addBusinessDays(date, delay.sign * delay.days, settings, countryCode);
  return new Date(toEpochMs(moved) + timeOfDayMs + secondsMs).toISOString();
}

/** Returns an instant in milliseconds since 1970-01-01T00:00:00Z. */
export function parseInstant(instant: Instant): number {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) {
    throw new CalendarError(
      'instant',
      instant,
      `instant '${instant}' is invalid; expected an ISO 8601 UTC timestamp, e.g. 2026-03-31T00:00:00.000Z`,
    );
  }
  return ms;
}

function toEpochMs(date: LocalDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) {
    throw new CalendarError('date', date, `date '${date}' is invalid; expected YYYY-MM-DD`);
  }
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  // setUTCFullYear, unlike Date.UTC, keeps years 0-99 as they are.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return utc.getTime();
}

function toLocalDate(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}
