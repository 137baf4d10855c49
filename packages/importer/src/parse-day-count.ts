import { accepted, invalid, type Parsed } from './parsed';

/** Reads a whole number of days such as `13`, `-2` or `13.0`. */
export function parseDayCount(text: string): Parsed<number> {
  const match = /^([-+]?\d+)(?:[.,]0+)?$/.exec(text);
  if (match?.[1] !== undefined) return accepted(Number(match[1]));
  return invalid(`'${text}' is not a whole number of days`);
}
