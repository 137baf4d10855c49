import type { CompiledDelay } from '@dunflow/model';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { delaySeconds, parseDelay, parseDuration } from './delay';

const valid: [string, CompiledDelay][] = [
  ['P10D', { sign: 1, days: 10, seconds: 0 }],
  ['P2W', { sign: 1, days: 14, seconds: 0 }],
  ['P1W2D', { sign: 1, days: 9, seconds: 0 }],
  ['PT30S', { sign: 1, days: 0, seconds: 30 }],
  ['PT1H30M', { sign: 1, days: 0, seconds: 5400 }],
  ['PT36H', { sign: 1, days: 0, seconds: 129_600 }],
  ['P1DT12H', { sign: 1, days: 1, seconds: 43_200 }],
  ['P1DT1H1M1S', { sign: 1, days: 1, seconds: 3661 }],
  ['-P3D', { sign: -1, days: 3, seconds: 0 }],
  ['-PT2H', { sign: -1, days: 0, seconds: 7200 }],
  ['P0D', { sign: 1, days: 0, seconds: 0 }],
  ['-P0D', { sign: 1, days: 0, seconds: 0 }],
  ['P36525D', { sign: 1, days: 36_525, seconds: 0 }],
];

describe('parseDelay accepts', () => {
  test.each(valid)('%s', (text, delay) => {
    expect(parseDelay(text)).toEqual({ ok: true, delay });
  });
});

/** Text, a part of the expected message, and a part of the expected fix. */
const invalid: [string, string, string][] = [
  ['P1M', "delay 'P1M' is invalid because it uses months", "use days, e.g. 'P30D'"],
  ['P1Y', "delay 'P1Y' is invalid because it uses years", "'P365D'"],
  ['P1Y2M10D', "delay 'P1Y2M10D' is invalid because it uses", 'use days'],
  ['1 month', "delay '1 month' is invalid because it uses months", "use days, e.g. 'P30D'"],
  ['2 years', "delay '2 years' is invalid because it uses years", 'use days'],
  ['30d', "delay '30d' is not an ISO 8601 duration", "write 'P30D'"],
  ['10 days', "delay '10 days' is not an ISO 8601 duration", "write 'P10D'"],
  ['2 weeks', "'2 weeks'", "write 'P2W'"],
  ['2 hours', "'2 hours'", "write 'PT2H'"],
  ['45s', "'45s'", "write 'PT45S'"],
  ['-3d', "'-3d'", "write '-P3D'"],
  ['1m', "'1m'", "'PT1M' for 1 minute, or days such as 'P30D'"],
  ['5m', "'5m'", "'PT5M' for 5 minutes"],
  ['', 'delay is empty', "'P10D'"],
  ['   ', 'delay is empty', "'P10D'"],
  ['P', "delay 'P' is invalid because it has no parts", "'P10D'"],
  ['PT', "delay 'PT' is invalid because it has a 'T' but no hours", "'PT30M'"],
  ['P1DT', "delay 'P1DT' is invalid because it has a 'T'", "'PT30M'"],
  ['P1.5D', "delay 'P1.5D' is invalid because it has a fractional part", "'PT36H'"],
  ['PT0,5H', "delay 'PT0,5H' is invalid because it has a fractional part", 'smaller unit'],
  ['p10d', "delay 'p10d' is invalid because it is in lower case", "write 'P10D'"],
  [' P10D', "delay ' P10D' is invalid because it has spaces around it", "write 'P10D'"],
  [
    'P1H',
    "delay 'P1H' is invalid because it has hours, minutes or seconds before the 'T'",
    "write 'PT1H'",
  ],
  ['PT1D', "delay 'PT1D' is not an ISO 8601 duration", 'ISO 8601'],
  ['P1D2W', "delay 'P1D2W' is not an ISO 8601 duration", 'ISO 8601'],
  ['+P1D', "delay '+P1D' is not an ISO 8601 duration", 'ISO 8601'],
  ['P-1D', "delay 'P-1D' is not an ISO 8601 duration", 'ISO 8601'],
  ['P36526D', "delay 'P36526D' is longer than the maximum of 36525 days", 'shorter'],
  ['P99999999999999999999D', 'is longer than the maximum', 'shorter'],
];

describe('parseDelay rejects', () => {
  test.each(invalid)('%j', (text, message, fix) => {
    const result = parseDelay(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
    expect(result.ok ? '' : result.fix).toContain(fix);
  });
});

describe('parseDuration', () => {
  test('names the field', () => {
    const result = parseDuration('7 days', 'timeout');
    expect(result.ok ? '' : result.message).toBe("timeout '7 days' is not an ISO 8601 duration");
  });
});

describe('delaySeconds', () => {
  test('adds days and seconds with the sign', () => {
    expect(delaySeconds({ sign: 1, days: 1, seconds: 30 })).toBe(86_430);
    expect(delaySeconds({ sign: -1, days: 2, seconds: 0 })).toBe(-172_800);
  });
});

describe('parseDelay properties', () => {
  test('adds up every part', () => {
    const part = fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.boolean(),
        part,
        part,
        part,
        part,
        part,
        (minus, weeks, days, hours, minutes, seconds) => {
          const datePart = `${weeks === undefined ? '' : `${weeks}W`}${days === undefined ? '' : `${days}D`}`;
          const timeParts = [
            hours === undefined ? '' : `${hours}H`,
            minutes === undefined ? '' : `${minutes}M`,
            seconds === undefined ? '' : `${seconds}S`,
          ].join('');
          const text = `${minus ? '-' : ''}P${datePart}${timeParts === '' ? '' : `T${timeParts}`}`;
          const result = parseDelay(text);
          if (datePart === '' && timeParts === '') {
            expect(result.ok).toBe(false);
            return;
          }
          const totalDays = (weeks ?? 0) * 7 + (days ?? 0);
          const totalSeconds = (hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0);
          const isZero = totalDays === 0 && totalSeconds === 0;
          expect(result).toEqual({
            ok: true,
            delay: { sign: minus && !isZero ? -1 : 1, days: totalDays, seconds: totalSeconds },
          });
        },
      ),
    );
  });
});
