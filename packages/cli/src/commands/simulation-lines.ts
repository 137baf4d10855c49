import { relative } from 'node:path';
import type { InvoiceReport } from '@dunflow/engine';
import { formatTable } from '../output';
import type { SimulationOutput } from './simulation-output';
import { countOf, formatCount } from './text-format';
import { timelineLines, type TimelineSelection } from './timeline-lines';

/** Renders a simulation as text: summary, node table, totals and the chosen timelines. */
export function simulationLines(output: SimulationOutput, selection: TimelineSelection): string[] {
  return [
    ...headerLines(output),
    '',
    ...nodeTableLines(output),
    '',
    ...totalsLines(output),
    ...timelineLines(output.invoices, selection),
  ];
}

function headerLines(output: SimulationOutput): string[] {
  const { scenario, totals, rows } = output;
  const lines = [
    `Scenario '${scenario.id}' (${scenario.name}) from ${displayPath(scenario.file)}, ` +
      `definition ${scenario.definitionHash.slice(0, 12)}`,
    `Book ${output.invoicesFile}: ${countOf(totals.invoices, 'invoice')} simulated from ` +
      `${output.asOf} to ${output.until}, ${formatCount(totals.entered)} entered the scenario`,
  ];
  if (rows.rejected > 0) {
    lines.push(
      `Skipped ${countOf(rows.rejected, 'invalid row')} of the file; ` +
        '`dunflow import FILE --dry-run` lists them',
    );
  }
  return lines;
}

function nodeTableLines(output: SimulationOutput): string[] {
  const header = ['node', 'type', 'reached', 'actions', 'skipped', 'label'];
  const rows = output.nodes.map((node) => [
    node.id,
    node.type,
    formatCount(node.reached),
    formatCount(node.actions),
    formatCount(node.skipped),
    node.label ?? '',
  ]);
  return formatTable([header, ...rows]);
}

function totalsLines(output: SimulationOutput): string[] {
  const { totals } = output;
  const actions = countsText(totals.actionsByType) || 'none';
  const outcomes = countsText(totals.outcomes) || 'none';
  const lines = [
    `Actions: ${actions}; ${countOf(totals.skippedActions, 'action')} skipped`,
    `Outcomes: ${outcomes}; ${formatCount(totals.stillRunning)} still running on ${output.until}`,
  ];
  const reasons = countsText(notEnteredReasons(output.invoices));
  if (reasons !== '') lines.push(`Not entered: ${reasons}`);
  return lines;
}

/** Writes counts largest first, e.g. `41 sendEmail, 21 createTask`. */
function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([name, count]) => `${formatCount(count)} ${name}`)
    .join(', ');
}

function notEnteredReasons(invoices: readonly InvoiceReport[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const invoice of invoices) {
    if (invoice.entered) continue;
    const reason = invoice.reason ?? 'no reason given';
    counts[reason] = (counts[reason] ?? 0) + 1;
  }
  return counts;
}

/** Writes a path relative to the working directory when it lies inside it. */
function displayPath(file: string): string {
  const inside = relative(process.cwd(), file);
  return inside === '' || inside.startsWith('..') ? file : inside;
}
