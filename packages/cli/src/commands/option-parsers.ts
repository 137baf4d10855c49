import { InvalidArgumentError } from 'commander';
import type { OnError } from '@dunflow/importer';
import { LocalDate } from '@dunflow/model';

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Parses a `YYYY-MM-DD` option value; commander reports the error with the option's name. */
export function parseDateOption(value: string): LocalDate {
  if (!LocalDate.safeParse(value).success) {
    throw new InvalidArgumentError('Expected a calendar date as YYYY-MM-DD, e.g. 2013-06-30.');
  }
  return value;
}

/** Parses a `YYYY-MM` month option value. */
export function parseMonthOption(value: string): string {
  if (!MONTH_PATTERN.test(value)) {
    throw new InvalidArgumentError(
      'Expected a month as YYYY-MM with a month from 01 to 12, e.g. 2013-06.',
    );
  }
  return value;
}

/** Parses a whole number of at least 0, such as a count of invoices to show. */
export function parseCountOption(value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new InvalidArgumentError('Expected a whole number of at least 0, e.g. 10.');
  }
  return Number(value);
}

const ON_ERROR_VALUES: Readonly<Record<string, OnError>> = {
  'skip-rows': 'skipRows',
  'reject-file': 'rejectFile',
};

/** Parses `skip-rows` or `reject-file` into the importer's setting. */
export function parseOnErrorOption(value: string): OnError {
  const onError = ON_ERROR_VALUES[value];
  if (onError === undefined) {
    throw new InvalidArgumentError("Expected 'skip-rows' or 'reject-file'.");
  }
  return onError;
}
