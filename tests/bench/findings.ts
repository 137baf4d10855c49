import type { BenchResults } from './bench-results';
import { rates, timeRatio, type Measurement } from './measurement';
import { formatRate } from './results-table';

/**
 * Builds the findings of one run as sentences from its numbers, so that the text stays true
 * when the benchmark runs again.
 */
export function findings(results: BenchResults): string[] {
  const { books, simulationInputs } = results;
  const lookup = (list: readonly Measurement[], name: string, input: string) => {
    const found = list.find(
      (measurement) => measurement.name === name && measurement.input === input,
    );
    if (found === undefined) throw new Error(`measurement '${name}' of '${input}' not found`);
    return { found, ratio: timeRatio(found, list)?.toFixed(1) ?? '?', rate: medianRate(found) };
  };
  const imports = (name: string, input: string) => lookup(results.imports, name, input);
  const simulation = (name: string, input: string) => lookup(results.simulations, name, input);

  const lines = [
    `- Reading a book costs more than splitting its CSV: parseBook takes ${imports('parseBook', books.sample).ratio} times as long as csv-parse tokenising on the IBM book and ${imports('parseBook', books.large).ratio} times on the large one. The difference is the line numbering of every record, the detection of delimiter, columns, date formats and decimal separator, and the conversion and validation of every cell.`,
    `- Storing the large book with every row new runs at ${imports('upsertBook, all rows new', books.large).rate}, and importing it again unchanged at ${imports('upsertBook, all rows unchanged', books.large).rate}. The second import still sends every row, and PostgreSQL compares each with the stored one instead of writing it.`,
    `- The default scenario simulates ${simulation('default scenario, invoices', simulationInputs.sample).rate} over the IBM book and ${simulation('default scenario, invoices', simulationInputs.large).rate} over the large one: ${simulation('default scenario, invoices', simulationInputs.sample).ratio} and ${simulation('default scenario, invoices', simulationInputs.large).ratio} times the time of the trigger -> end scenario on the same invoices. The trigger -> end run is mostly the simulator's own work (sorting the book, the ledger, the event queue and the report), with the least interpreter work a run can have.`,
    '- startEligibleRuns starts runs one after another, and before each start it reads the invoice and inserts its row in `workflow_runs`, so every start waits for two database round trips besides the start request to Temporal.',
  ];
  for (const input of results.workflowInputs) lines.push(workflowFinding(results.workflows, input));
  return lines;
}

function workflowFinding(workflows: readonly Measurement[], input: string): string {
  const pick = (name: string) => {
    const found = workflows.find(
      (measurement) => measurement.name === name && measurement.input === input,
    );
    if (found === undefined) throw new Error(`measurement '${name}' of '${input}' not found`);
    return found;
  };
  const start = pick('startEligibleRuns, start');
  const noop = pick('no-op workflow, start');
  const first = pick('startEligibleRuns, first event of every run');
  return (
    `- For ${input}, startEligibleRuns starts ${medianRate(start)} against ${medianRate(noop)} for no-op workflows ` +
    `(${timeRatio(start, workflows)?.toFixed(1) ?? '?'} times the time). The median wait from the first start ` +
    `until every run has its first event is ${seconds(first.ms.median)} s, ${seconds(first.ms.median - start.ms.median)} s more than the median time of the starts.`
  );
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

function medianRate(measurement: Measurement): string {
  const perSecond = rates(measurement);
  if (perSecond === undefined || measurement.display.kind !== 'rate') return '?';
  return formatRate(perSecond.median, measurement.display.unit);
}
