import type { FactValues } from '@dunflow/model';

/** An evaluator under test: returns the segment id of one invoice's facts. */
export type Evaluator = {
  name: string;
  segment: (facts: FactValues) => string | Promise<string>;
  /** How many of the generated invoices this evaluator runs on, from the first. */
  sampleSize: number;
};

/** The median of several timed runs of one evaluator over its sample. */
export type Measurement = {
  name: string;
  sampleSize: number;
  medianMs: number;
  perSecond: number;
};

/**
 * Raises when an evaluator returns another segment than the expected one for some invoice of
 * its sample, and returns how many invoices of the whole book each segment received.
 */
export async function checkAgreement(
  evaluators: readonly Evaluator[],
  book: readonly FactValues[],
  expected: readonly string[],
): Promise<Map<string, number>> {
  for (const evaluator of evaluators) {
    for (let index = 0; index < evaluator.sampleSize; index++) {
      const segment = await evaluator.segment(book[index] as FactValues);
      if (segment !== expected[index]) {
        throw new Error(
          `${evaluator.name} puts invoice ${index} in '${segment}', expected '${expected[index] ?? ''}'`,
        );
      }
    }
  }
  const counts = new Map<string, number>();
  for (const segment of expected) counts.set(segment, (counts.get(segment) ?? 0) + 1);
  return counts;
}

/**
 * Runs every evaluator once to warm up, then `runs` rounds in which each evaluator makes one
 * pass over its sample, and returns each evaluator's median. Taking turns within a round
 * spreads the load of other processes and the garbage collector over all evaluators.
 */
export async function measureAll(
  evaluators: readonly Evaluator[],
  book: readonly FactValues[],
  runs: number,
): Promise<Measurement[]> {
  const samples = evaluators.map((evaluator) => book.slice(0, evaluator.sampleSize));
  const durations = evaluators.map((): number[] => []);
  for (let round = -1; round < runs; round++) {
    for (const [index, evaluator] of evaluators.entries()) {
      const elapsed = await runOnce(evaluator, samples[index] ?? []);
      if (round >= 0) durations[index]?.push(elapsed);
    }
  }
  return evaluators.map((evaluator, index) => {
    const medianMs = median(durations[index] ?? []);
    const perSecond = (evaluator.sampleSize / medianMs) * 1000;
    return { name: evaluator.name, sampleSize: evaluator.sampleSize, medianMs, perSecond };
  });
}

/**
 * Returns the milliseconds one pass over the sample takes. It awaits only a promise result, so
 * the synchronous evaluators are timed without an await per invoice. Counting the segments
 * keeps the results in use, so the optimiser cannot drop the calls.
 */
async function runOnce(evaluator: Evaluator, sample: readonly FactValues[]): Promise<number> {
  let matched = 0;
  const start = performance.now();
  for (const facts of sample) {
    const result = evaluator.segment(facts);
    const segment = typeof result === 'string' ? result : await result;
    if (segment !== 'standard') matched++;
  }
  const elapsed = performance.now() - start;
  if (matched === 0) throw new Error(`${evaluator.name} matched no segment`);
  return elapsed;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}
