import { TypeOverrides, types } from 'pg';

type TextParser = (text: string) => unknown;

/**
 * Creates the type parsers of a Dunflow pool. By default node-postgres returns BIGINT and
 * NUMERIC as strings and DATE as a JavaScript Date at local midnight. With these parsers,
 * amounts, counts and sums become numbers, dates stay `YYYY-MM-DD` text and timestamps become
 * ISO 8601 strings in UTC. The overrides are per pool, so other users of `pg` are unaffected.
 */
export function createTypeParsers(): TypeOverrides {
  const { builtins } = types;
  const overrides = new TypeOverrides();
  overrides.setTypeParser(builtins.INT8, parseBigint);
  overrides.setTypeParser(builtins.NUMERIC, parseNumeric);
  overrides.setTypeParser(builtins.DATE, (text: string) => text);
  overrides.setTypeParser(builtins.TIMESTAMPTZ, toIsoParser(builtins.TIMESTAMPTZ));
  overrides.setTypeParser(builtins.TIMESTAMP, toIsoParser(builtins.TIMESTAMP));
  return overrides;
}

/** Parses a BIGINT, rejecting values beyond 2^53 that a number cannot hold exactly. */
export function parseBigint(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(
      `BIGINT ${text} is outside the safe integer range of a JavaScript number (±2^53 - 1)`,
    );
  }
  return value;
}

/**
 * Parses a NUMERIC. Whole values must fit a number exactly, as sums of minor amounts do;
 * fractional values are rounded to the nearest double.
 */
export function parseNumeric(text: string): number {
  if (/^-?\d+$/.test(text)) return parseBigint(text);
  return Number(text);
}

/** Wraps node-postgres's own timestamp parser, which returns a Date, to return ISO text. */
function toIsoParser(typeId: typeof types.builtins.TIMESTAMPTZ): (text: string) => string {
  const parseDate = types.getTypeParser(typeId) as TextParser;
  return (text) => {
    const value = parseDate(text);
    return value instanceof Date ? value.toISOString() : text;
  };
}
