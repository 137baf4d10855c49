import type { CompiledDelay } from '@dunflow/model';
import { diagnoseDuration } from './delay-diagnosis';

export type DelayParseResult =
  { ok: true; delay: CompiledDelay } | { ok: false; message: string; fix: string };

/**
 * An ISO 8601 duration with fixed-length parts only: weeks and days before `T`, then hours,
 * minutes and seconds, each a whole number. A leading `-` means before the anchor.
 */
const DURATION_PATTERN = /^(-)?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Maximum length of a delay. Dunning steps last days or months, and this keeps dates in range. */
const MAX_DAYS = 36_525;
const SECONDS_PER_DAY = 86_400;

/**
 * Parses a delay such as `P10D`, `P2W`, `PT30S`, `PT1H30M` or `-P1DT12H`. Weeks become 7 days;
 * hours, minutes and seconds become `seconds`. Months and years are rejected because their
 * length varies. A failure names the text and gives a fix.
 */
export function parseDelay(text: string): DelayParseResult {
  return parseDuration(text, 'delay');
}

/** Parses a duration like {@link parseDelay}, naming it `field` (e.g. `timeout`) in messages. */
export function parseDuration(text: string, field: string): DelayParseResult {
  const match = DURATION_PATTERN.exec(text);
  if (!match) return { ok: false, ...diagnoseDuration(text, field, isDuration) };

  const [, minus, weeks, days, hours, minutes, seconds] = match;
  const hasTime = text.includes('T');
  if (hasTime && hours === undefined && minutes === undefined && seconds === undefined) {
    return noParts(text, field, "has a 'T' but no hours, minutes or seconds after it");
  }
  if (!hasTime && weeks === undefined && days === undefined) {
    return noParts(text, field, 'has no parts');
  }
  return toDelay(text, field, minus !== undefined, {
    days: Number(weeks ?? 0) * 7 + Number(days ?? 0),
    seconds: Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0),
  });
}

/** Returns whether the text parses: it matches the pattern and has at least one part. */
function isDuration(text: string): boolean {
  return DURATION_PATTERN.test(text) && /\d/.test(text) && !text.endsWith('T');
}

function toDelay(
  text: string,
  field: string,
  isNegative: boolean,
  length: { days: number; seconds: number },
): DelayParseResult {
  if (length.days + length.seconds / SECONDS_PER_DAY > MAX_DAYS) {
    return {
      ok: false,
      message: `${field} '${text}' is longer than the maximum of ${MAX_DAYS} days (100 years)`,
      fix: 'use a shorter duration',
    };
  }
  // A zero delay has no direction, so '-P0D' and 'P0D' compile (and hash) the same.
  const isZero = length.days === 0 && length.seconds === 0;
  const sign = isNegative && !isZero ? -1 : 1;
  return { ok: true, delay: { sign, ...length } };
}

function noParts(text: string, field: string, problem: string): DelayParseResult {
  return {
    ok: false,
    message: `${field} '${text}' is invalid because it ${problem}`,
    fix: "add a number and a unit, e.g. 'P10D' or 'PT30M'",
  };
}

/** Returns the length of a compiled delay in seconds, negative before the anchor. */
export function delaySeconds(delay: CompiledDelay): number {
  return delay.sign * (delay.days * SECONDS_PER_DAY + delay.seconds);
}
