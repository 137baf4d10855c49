import type { Book } from '@dunflow/importer';
import type { CompiledDefinition, LocalDate } from '@dunflow/model';
import type { Logger } from '@dunflow/runtime';
import type { BenchStack } from './bench-stack';
import type { Measurement } from './measurement';
import { timeNoopStarts } from './noop-run';
import { openInvoiceBook, withInvoiceIdSuffix } from './open-invoice-book';
import { repeatRuns, summarize, type RunPlan } from './runs';
import { timeStartEligibleRuns, type StartTimes } from './start-runs-run';

/** Where the open invoices come from: a book replayed as of `asOf` and shifted to `today`. */
export interface OpenInvoiceSource {
  book: Book;
  asOf: LocalDate;
  today: LocalDate;
}

const NOOP_START = 'no-op workflow, start';
const NOOP_DONE = 'no-op workflow, all completed';

/**
 * Measures, for `count` open invoices, `startEligibleRuns` of the default scenario and the time
 * until every run has recorded its first event, against starting as many no-op workflows and
 * the time until all have completed. Each round runs the baseline, then the product, so that
 * both see about the same load from other processes.
 */
export async function measureWorkflowStarts(
  stack: BenchStack,
  scenario: { definition: CompiledDefinition; source: OpenInvoiceSource; count: number },
  plan: RunPlan,
  logger: Logger,
): Promise<Measurement[]> {
  const { source, count } = scenario;
  const book = openInvoiceBook(source.book, source.asOf, source.today, count);
  let roundNumber = 0;
  const rounds = await repeatRuns(plan, async () => {
    roundNumber += 1;
    const roundBook = withInvoiceIdSuffix(book, `-${count}-round-${roundNumber}`);
    return {
      noop: await timeNoopStarts(stack, count),
      product: await timeStartEligibleRuns(
        stack,
        { definition: scenario.definition, book: roundBook, today: source.today },
        logger,
      ),
    };
  });
  const input = `${count.toLocaleString('en-US')} open invoices`;
  const rate = { kind: 'rate', count, unit: 'workflows/s' } as const;
  const time = { kind: 'time' } as const;
  const ms = (pick: (round: { noop: StartTimes; product: StartTimes }) => number) =>
    summarize(rounds.map(pick));
  return [
    { name: NOOP_START, input, ms: ms((round) => round.noop.startMs), display: rate },
    { name: NOOP_DONE, input, ms: ms((round) => round.noop.firstEventsMs), display: time },
    {
      name: 'startEligibleRuns, start',
      input,
      ms: ms((round) => round.product.startMs),
      display: rate,
      baseline: NOOP_START,
    },
    {
      name: 'startEligibleRuns, first event of every run',
      input,
      ms: ms((round) => round.product.firstEventsMs),
      display: time,
      baseline: NOOP_DONE,
    },
  ];
}
