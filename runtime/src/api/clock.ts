import type { LocalDate } from '@dunflow/model';
import type { ApiDependencies } from './api-dependencies';

/** Returns the current time: `deps.now()` when given, else the system clock. */
export function currentTime(deps: Pick<ApiDependencies, 'now'>): Date {
  return deps.now?.() ?? new Date();
}

/** Returns today's date in UTC, the default as-of date of the routes. */
export function todayOf(deps: Pick<ApiDependencies, 'now'>): LocalDate {
  return currentTime(deps).toISOString().slice(0, 10);
}
