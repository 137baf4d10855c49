import type { CompiledDefinition, CompiledNode, ScenarioNode } from '@dunflow/model';
import type { InvoiceReport, SimulationReport, SimulationTotals } from '@dunflow/engine';
import type { ImportResult } from '@dunflow/importer';
import type { ScenarioSource } from './scenario-source';

/** One row of the node table: how many invoices reached the node and what it did. */
export interface NodeRow {
  id: string;
  type: CompiledNode['type'];
  label?: string;
  /** Invoices whose run entered the node at least once. */
  reached: number;
  /** Actions the node sent. */
  actions: number;
  /** Actions skipped because catch-up passed them or the run ended first. */
  skipped: number;
}

/** Output of `dunflow simulate`, printed as it is with --json. */
export interface SimulationOutput {
  scenario: { id: string; name: string; file: string; definitionHash: string };
  invoicesFile: string;
  rows: ImportResult['rows'];
  asOf: string;
  until: string;
  /** Nodes in the order of the scenario file. */
  nodes: NodeRow[];
  totals: SimulationTotals;
  invoices: InvoiceReport[];
}

export interface SimulationOutputInput {
  report: SimulationReport;
  definition: CompiledDefinition;
  scenario: ScenarioSource;
  result: ImportResult;
  options: { invoices: string };
}

/** Builds the output document of a simulation from the simulator's report. */
export function buildSimulationOutput(input: SimulationOutputInput): SimulationOutput {
  const { report, result, scenario } = input;
  return {
    scenario: {
      id: report.scenarioId,
      name: input.definition.name,
      file: scenario.file,
      definitionHash: report.definitionHash,
    },
    invoicesFile: input.options.invoices,
    rows: result.rows,
    asOf: report.asOf,
    until: report.until,
    nodes: nodeRows(report, scenario.nodes, input.definition.nodes),
    totals: report.totals,
    invoices: report.invoices,
  };
}

/** Lists the nodes in file order; nodes the file does not list follow in definition order. */
function nodeRows(
  report: SimulationReport,
  scenarioNodes: readonly ScenarioNode[],
  definitionNodes: Record<string, CompiledNode>,
): NodeRow[] {
  const labels = new Map(scenarioNodes.map((node) => [node.id, node.label]));
  const fileOrder = scenarioNodes.map((node) => node.id);
  const ids = [...new Set([...fileOrder, ...Object.keys(definitionNodes)])];
  return ids.flatMap((id) => {
    const node = definitionNodes[id];
    const counts = report.nodes[id];
    if (node === undefined || counts === undefined) return [];
    const label = labels.get(id);
    return [{ id, type: node.type, ...(label === undefined ? {} : { label }), ...counts }];
  });
}
