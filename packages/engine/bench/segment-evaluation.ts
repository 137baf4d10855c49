/*
 * Measures how many invoices per second three evaluators segment with the same rule set:
 * json-rules-engine through segmentOf, the compiled closures of compileRuleSet, and a
 * hand-written function of the same logic. Run with `pnpm --filter @dunflow/engine bench`.
 */
import { parseArgs } from 'node:util';
import type { FactValues } from '@dunflow/model';
import { compileRuleSet, segmentOf } from '../src/index';
import { BENCH_RULE_SET } from './bench-rule-set';
import { generateInvoiceFacts } from './bench-invoices';
import { handWrittenSegment } from './hand-written-segment';

type Evaluator = { name: string; segment: (facts: FactValues) => string | Promise<string> };
type Measurement = { name: string; medianMs: number; perSecond: number };

const { values: options } = parseArgs({
  options: {
    invoices: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20240930' },
  },
});
const invoiceCount = Number(options.invoices);
const runCount = Number(options.runs);

const invoices = generateInvoiceFacts(invoiceCount, Number(options.seed));
const compiled = compileRuleSet(BENCH_RULE_SET);
const evaluators: Evaluator[] = [
  { name: 'json-rules-engine (segmentOf)', segment: (facts) => segmentOf(BENCH_RULE_SET, facts) },
  { name: 'compiled closures (compileRuleSet)', segment: compiled },
  { name: 'hand-written function', segment: handWrittenSegment },
];

await checkAgreement(evaluators, invoices);
const measurements: Measurement[] = [];
for (const evaluator of evaluators) measurements.push(await measure(evaluator, invoices, runCount));
printTable(measurements);

/** Raises when any evaluator gives another segment than the first one for some invoice. */
async function checkAgreement(all: readonly Evaluator[], book: readonly FactValues[]) {
  const counts = new Map<string, number>();
  for (const [index, facts] of book.entries()) {
    const segments = await Promise.all(all.map((evaluator) => evaluator.segment(facts)));
    const reference = segments[0] ?? '';
    if (segments.some((segment) => segment !== reference)) {
      throw new Error(`invoice ${index}: evaluators disagree (${segments.join(', ')})`);
    }
    counts.set(reference, (counts.get(reference) ?? 0) + 1);
  }
  const spread = [...counts].map(([segment, count]) => `${segment} ${count}`).join(', ');
  console.log(`All ${all.length} evaluators agree on ${book.length} invoices: ${spread}\n`);
}

/** Runs once to warm up, then `runs` times, and returns the median duration. */
async function measure(evaluator: Evaluator, book: readonly FactValues[], runs: number) {
  await runOnce(evaluator, book);
  const durations: number[] = [];
  for (let run = 0; run < runs; run++) durations.push(await runOnce(evaluator, book));
  const medianMs = median(durations);
  return { name: evaluator.name, medianMs, perSecond: (book.length / medianMs) * 1000 };
}

/** Returns the milliseconds one pass over the book takes; awaits only a promise result. */
async function runOnce(evaluator: Evaluator, book: readonly FactValues[]): Promise<number> {
  let matched = 0;
  const start = performance.now();
  for (const facts of book) {
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

function printTable(rows: readonly Measurement[]) {
  const baseline = rows.at(-1)?.perSecond ?? 1;
  console.log(`${invoiceCount} invoices, median of ${runCount} runs after one warm-up run\n`);
  console.log('| evaluator | median run (ms) | invoices per second | ratio to hand-written |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const row of rows) {
    const perSecond = Math.round(row.perSecond).toLocaleString('en-US');
    const ratio = (row.perSecond / baseline).toPrecision(3);
    console.log(`| ${row.name} | ${row.medianMs.toFixed(1)} | ${perSecond} | ${ratio} |`);
  }
}
