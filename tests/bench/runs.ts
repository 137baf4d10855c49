import { performance } from 'node:perf_hooks';

/** How often a measurement runs: warm-up runs first, whose results are dropped. */
export interface RunPlan {
  warmups: number;
  runs: number;
}

/** The median, minimum and maximum of the measured runs of one quantity. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Runs `run` for the warm-ups, then for the measured runs, and returns the measured results. */
export async function repeatRuns<T>(plan: RunPlan, run: () => Promise<T>): Promise<T[]> {
  for (let warmup = 0; warmup < plan.warmups; warmup++) await run();
  const results: T[] = [];
  for (let index = 0; index < plan.runs; index++) results.push(await run());
  return results;
}

/** Returns the milliseconds `work` takes, with its result. */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** Summarises run values. The median of an even count is the mean of the middle two. */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0)
    throw new RangeError('summarize: values are missing; pass at least one run');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  const median = sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
  return {
    median,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    runs: sorted.length,
  };
}
