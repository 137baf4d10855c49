export type DurationProblem = { message: string; fix: string };

const MONTH_WORDS = /^-?\s*\d+\s*(months?|mo)$/i;
const YEAR_WORDS = /^-?\s*\d+\s*(years?|yrs?|y)$/i;
const ISO_MONTHS = /^-?P[^T]*M/;
const ISO_YEARS = /^-?P[^T]*Y/;
const SHORTHAND = /^(-?)\s*(\d+)\s*([a-z]+)$/i;

/** ISO 8601 forms of the unit words people write in shorthand such as `30d` or `2 hours`. */
const SHORTHAND_UNITS: Record<string, (count: string) => string> = {
  w: (count) => `P${count}W`,
  week: (count) => `P${count}W`,
  d: (count) => `P${count}D`,
  day: (count) => `P${count}D`,
  h: (count) => `PT${count}H`,
  hour: (count) => `PT${count}H`,
  min: (count) => `PT${count}M`,
  minute: (count) => `PT${count}M`,
  s: (count) => `PT${count}S`,
  sec: (count) => `PT${count}S`,
  second: (count) => `PT${count}S`,
};

/**
 * Explains why `text` is not a fixed-length ISO 8601 duration and how to write it.
 * `isDuration` returns whether a corrected candidate would parse.
 */
export function diagnoseDuration(
  text: string,
  field: string,
  isDuration: (candidate: string) => boolean,
): DurationProblem {
  const quoted = `${field} '${text}'`;
  if (text.trim() === '') {
    return { message: `${field} is empty`, fix: "write an ISO 8601 duration, e.g. 'P10D'" };
  }
  const variableLength = variableLengthProblem(text, quoted);
  if (variableLength) return variableLength;

  const corrected = correctedForm(text, isDuration);
  if (corrected) {
    return { message: `${quoted} is invalid because it ${corrected.problem}`, fix: corrected.fix };
  }

  const trimmed = text.trim();
  if (/^-?P/.test(trimmed) && /[.,]\d/.test(trimmed)) {
    return {
      message: `${quoted} is invalid because it has a fractional part`,
      fix: "use whole numbers of a smaller unit, e.g. 'PT36H' instead of 'P1.5D'",
    };
  }
  return { message: `${quoted} is not an ISO 8601 duration`, fix: shorthandFix(trimmed) };
}

/** Reports months or years, in ISO 8601 or in words, because their length varies. */
function variableLengthProblem(text: string, quoted: string): DurationProblem | undefined {
  const upper = text.trim().toUpperCase();
  if (MONTH_WORDS.test(upper) || ISO_MONTHS.test(upper)) {
    return {
      message: `${quoted} is invalid because it uses months, whose length varies`,
      fix: "use days, e.g. 'P30D'",
    };
  }
  if (YEAR_WORDS.test(upper) || ISO_YEARS.test(upper)) {
    return {
      message: `${quoted} is invalid because it uses years, whose length varies`,
      fix: "use days, e.g. 'P365D'",
    };
  }
  return undefined;
}

/** Small slips with one obvious correction: spaces, lower case, or a missing `T`. */
function correctedForm(
  text: string,
  isDuration: (candidate: string) => boolean,
): { problem: string; fix: string } | undefined {
  const trimmed = text.trim();
  if (trimmed !== text && isDuration(trimmed)) {
    return { problem: 'has spaces around it', fix: `write '${trimmed}'` };
  }
  const upper = trimmed.toUpperCase();
  if (upper !== trimmed && isDuration(upper)) {
    return { problem: 'is in lower case', fix: `write '${upper}'` };
  }
  const withTime = upper.replace(/^(-?)P/, '$1PT');
  if (!upper.includes('T') && isDuration(withTime)) {
    return {
      problem: "has hours, minutes or seconds before the 'T'",
      fix: `write '${withTime}'`,
    };
  }
  return undefined;
}

function shorthandFix(text: string): string {
  const match = SHORTHAND.exec(text);
  const fallback = "write an ISO 8601 duration, e.g. 'P10D' for 10 days or 'PT2H' for 2 hours";
  if (!match) return fallback;

  const [, minus = '', count = '', unitText = ''] = match;
  const unit = unitText.toLowerCase();
  if (unit === 'm') {
    const minutes = count === '1' ? 'minute' : 'minutes';
    return `write 'PT${count}M' for ${count} ${minutes}, or days such as 'P30D' for about a month`;
  }
  const toIso = SHORTHAND_UNITS[unit.replace(/s$/, '')] ?? SHORTHAND_UNITS[unit];
  return toIso ? `write '${minus}${toIso(count)}'` : fallback;
}
