import type { Summary } from './runs';

/** How a measurement is shown: items per second over its run time, or the run time itself. */
export type Display = { kind: 'rate'; count: number; unit: string } | { kind: 'time' };

/** One measured quantity: the run times in milliseconds and how to show them. */
export interface Measurement {
  name: string;
  /** What ran, e.g. `IBM book, 2,466 rows`. */
  input: string;
  ms: Summary;
  display: Display;
  /** Name of the measurement with the same input that this one is compared with. */
  baseline?: string;
}

/** Returns items per second at the median, slowest and fastest run, or `undefined` for a time display. */
export function rates(measurement: Measurement): Summary | undefined {
  const { display, ms } = measurement;
  if (display.kind !== 'rate') return undefined;
  const perSecond = (milliseconds: number) => (display.count / milliseconds) * 1000;
  return {
    median: perSecond(ms.median),
    min: perSecond(ms.max),
    max: perSecond(ms.min),
    runs: ms.runs,
  };
}

/** Returns the median run time of a measurement over that of its baseline, if it has one. */
export function timeRatio(
  measurement: Measurement,
  all: readonly Measurement[],
): number | undefined {
  const baseline = all.find(
    (other) => other.name === measurement.baseline && other.input === measurement.input,
  );
  return baseline === undefined ? undefined : measurement.ms.median / baseline.ms.median;
}
