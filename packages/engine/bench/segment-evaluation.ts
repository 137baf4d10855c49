/*
 * Measures how many invoices per second each evaluator segments with the same rule set. The
 * evaluators are json-rules-engine through segmentOf, compileRuleSet (generated code), and the
 * closures that compileRuleSet falls back to where code generation is forbidden. The baseline
 * is a hand-written function of the same logic, timed with and without the fact checks that
 * the other evaluators make. Run with `pnpm --filter @dunflow/engine bench`; options are listed in
 * `parseArgs` below.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { INVOICE_FACTS } from '@dunflow/model';
import { compileRuleSet, segmentOf } from '../src/index';
import { closureFirstMatch } from '../src/rules/evaluator';
import { BENCH_RULE_SET } from './bench-rule-set';
import { generateInvoiceFacts } from './bench-invoices';
import { checkedHandWrittenSegment } from './hand-written-checks';
import { handWrittenSegment } from './hand-written-segment';
import { checkAgreement, measureAll } from './measure';
import type { Evaluator, Measurement } from './measure';

const { values: options } = parseArgs({
  // pnpm passes a `--` separator through to the script.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    invoices: { type: 'string', default: '100000' },
    'engine-invoices': { type: 'string', default: '5000' },
    runs: { type: 'string', default: '15' },
    'engine-runs': { type: 'string', default: '3' },
    seed: { type: 'string', default: '20240930' },
  },
});
const invoiceCount = positiveInteger('invoices', options.invoices);
const engineCount = Math.min(
  invoiceCount,
  positiveInteger('engine-invoices', options['engine-invoices']),
);
const runCount = positiveInteger('runs', options.runs);
const engineRunCount = positiveInteger('engine-runs', options['engine-runs']);

const book = generateInvoiceFacts(invoiceCount, positiveInteger('seed', options.seed));
const evaluators = buildEvaluators();
const expected = book.map(handWrittenSegment);
const counts = await checkAgreement(evaluators, book, expected);

printHeader(counts);
// json-rules-engine runs apart, so the garbage it leaves is not collected while the others run.
const [engine, ...compiled] = evaluators;
const engineRows = engine ? await measureAll([engine], book, engineRunCount) : [];
printTable([...engineRows, ...(await measureAll(compiled, book, runCount))]);

function buildEvaluators(): Evaluator[] {
  const compiled = compileRuleSet(BENCH_RULE_SET);
  // The benchmark's facts are built like computeFacts builds them: typed by construction.
  const unchecked = compileRuleSet(BENCH_RULE_SET, INVOICE_FACTS, { factsChecked: true });
  const closures = closureFirstMatch(
    BENCH_RULE_SET.segments.map((segment) => segment.conditions),
    INVOICE_FACTS,
  );
  const ids = BENCH_RULE_SET.segments.map((segment) => segment.id);
  return [
    {
      name: 'json-rules-engine (segmentOf)',
      segment: (facts) => segmentOf(BENCH_RULE_SET, facts),
      sampleSize: engineCount,
    },
    { name: 'compileRuleSet (generated code)', segment: compiled, sampleSize: invoiceCount },
    {
      name: 'compileRuleSet, facts typed by construction',
      segment: unchecked,
      sampleSize: invoiceCount,
    },
    {
      name: 'closures (fallback without code generation)',
      segment: (facts) => ids[closures(facts)] ?? BENCH_RULE_SET.defaultSegment,
      sampleSize: invoiceCount,
    },
    {
      name: 'hand-written function with the fact checks',
      segment: checkedHandWrittenSegment,
      sampleSize: invoiceCount,
    },
    { name: 'hand-written function', segment: handWrittenSegment, sampleSize: invoiceCount },
  ];
}

function positiveInteger(option: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`--${option} is '${text}'; give a whole number greater than 0`);
  }
  return value;
}

function printHeader(segmentCounts: ReadonlyMap<string, number>) {
  const spread = [...segmentCounts].map(([segment, count]) => `${segment} ${count}`).join(', ');
  console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`);
  console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  console.log(`All evaluators agree with the hand-written function. Segments: ${spread}`);
  console.log(
    `Median of ${runCount} runs (json-rules-engine: ${engineRunCount}) after one warm-up run; ` +
      'the other evaluators take turns in each round\n',
  );
}

function printTable(rows: readonly Measurement[]) {
  const baseline = rows.at(-1)?.perSecond ?? 1;
  console.log(
    '| evaluator | invoices | median run (ms) | invoices per second | ratio to hand-written |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const perSecond = Math.round(row.perSecond).toLocaleString('en-US');
    const ratio = (row.perSecond / baseline).toPrecision(3);
    const size = row.sampleSize.toLocaleString('en-US');
    console.log(`| ${row.name} | ${size} | ${row.medianMs.toFixed(1)} | ${perSecond} | ${ratio} |`);
  }
}
