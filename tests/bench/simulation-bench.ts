import {
  evaluateCondition,
  segmentOf,
  simulate,
  type Evaluator,
  type SimulationBook,
  type SimulationReport,
} from '@dunflow/engine';
import { openBookAsOf, type Book } from '@dunflow/importer';
import type { CompiledDefinition, LocalDate } from '@dunflow/model';
import type { Measurement } from './measurement';
import { repeatRuns, summarize, timed, type RunPlan } from './runs';

/** The window simulated: the open book of `asOf` enters, and the clock runs to `until`. */
export interface SimulationWindow {
  asOf: LocalDate;
  until: LocalDate;
}

/** A scenario to simulate, with the name the results table shows for it. */
export interface NamedDefinition {
  name: string;
  definition: CompiledDefinition;
}

/**
 * Measures `simulate` of each scenario over the book as of `window.asOf`, as
 * `dunflow simulate --as-of` replays it, with the json-rules-engine evaluator. Each scenario
 * gives an invoices-per-second and an events-per-second row, where events are the entries of
 * every invoice's timeline: interpreter records and actions.
 */
export async function measureSimulation(
  book: { input: string; book: Book },
  scenarios: { measured: NamedDefinition; baseline: NamedDefinition },
  window: SimulationWindow,
  plan: RunPlan,
): Promise<Measurement[]> {
  const replayed = replayedBook(book.book, window.asOf);
  const measure = async (scenario: NamedDefinition, baseline?: string) => {
    const runs = await repeatRuns(plan, () =>
      timed(() => run(scenario.definition, replayed, window)),
    );
    const ms = summarize(runs.map((result) => result.ms));
    const report = runs[0]?.result;
    if (report === undefined) throw new Error('measureSimulation: no measured run');
    const events = report.invoices.reduce((sum, invoice) => sum + invoice.timeline.length, 0);
    const input = book.input;
    const compared = baseline === undefined ? {} : { baseline };
    return [
      {
        name: `${scenario.name}, invoices`,
        input,
        ms,
        display: rate(report.totals.invoices, 'invoices/s'),
        ...compared,
      },
      {
        name: `${scenario.name}, events`,
        input,
        ms,
        display: rate(events, 'events/s'),
        ...compared,
      },
    ];
  };
  const baseline = scenarios.baseline;
  return [
    ...(await measure(baseline)),
    ...(await measure(scenarios.measured, `${baseline.name}, invoices`)),
  ];
}

function run(
  definition: CompiledDefinition,
  book: SimulationBook,
  window: SimulationWindow,
): Promise<SimulationReport> {
  return simulate(definition, book, { ...window, evaluate: evaluatorFor(definition) });
}

/** Returns the book as it stood on `asOf`, with the later payments delivered as they arrive. */
function replayedBook(book: Book, asOf: LocalDate): SimulationBook {
  const replayed = openBookAsOf(book, asOf);
  return {
    invoices: replayed.invoices,
    customers: replayed.customers,
    payments: [...replayed.payments, ...replayed.futurePayments],
  };
}

/** Creates the evaluator `dunflow simulate` uses: json-rules-engine over the definition's facts. */
function evaluatorFor(definition: CompiledDefinition): Evaluator {
  return {
    condition: (rule, facts) => evaluateCondition(rule, facts, definition.facts),
    segment: (ruleSet, facts) => segmentOf(ruleSet, facts, definition.facts),
  };
}

function rate(count: number, unit: string) {
  return { kind: 'rate', count, unit } as const;
}
