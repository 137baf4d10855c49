import type {
  ActionCommand,
  Command,
  CompiledDefinition,
  Instant,
  LocalDate,
} from '@dunflow/model';
import type { RunOutcome, RunStatus } from './run-state';

/** Counts of one node over the whole book. */
export interface NodeReport {
  /** Invoices whose run entered the node at least once. */
  reached: number;
  /** Actions the node sent. */
  actions: number;
  /** Actions of the node skipped by catch-up or because the run ended first. */
  skipped: number;
}

/** One line of an invoice's history: a record of the interpreter or an action it sent. */
export interface TimelineEntry {
  at: Instant;
  nodeId?: string;
  /** A record type such as `node.entered` or `payment.received`, or an action type. */
  event: string;
  detail: Record<string, unknown>;
}

export interface InvoiceReport {
  invoiceId: string;
  entered: boolean;
  /** Reason the invoice did not enter the scenario. */
  reason?: string;
  /** Status of its run at the end of the simulation. */
  status?: RunStatus;
  outcome?: RunOutcome;
  /** Open amount at the end of the simulation, in minor units. */
  openAmountMinor: number;
  timeline: TimelineEntry[];
}

export interface SimulationTotals {
  invoices: number;
  entered: number;
  actionsByType: Record<string, number>;
  skippedActions: number;
  outcomes: Record<string, number>;
  /** Runs that had not completed by the end of the simulation. */
  stillRunning: number;
}

export interface SimulationReport {
  scenarioId: string;
  definitionHash: string;
  asOf: LocalDate;
  until: LocalDate;
  nodes: Record<string, NodeReport>;
  invoices: InvoiceReport[];
  totals: SimulationTotals;
}

/** Collects a report while the simulation runs, in the order events happen. */
export class ReportBuilder {
  private readonly nodes: Record<string, NodeReport> = {};
  private readonly reachedBy = new Map<string, Set<string>>();
  private readonly invoices = new Map<string, InvoiceReport>();

  constructor(private readonly definition: CompiledDefinition) {
    for (const nodeId of Object.keys(definition.nodes)) {
      this.nodes[nodeId] = { reached: 0, actions: 0, skipped: 0 };
    }
  }

  /** Adds an invoice. `reason` is set when the invoice did not enter. */
  addInvoice(invoiceId: string, openAmountMinor: number, reason?: string): void {
    const report: InvoiceReport = {
      invoiceId,
      entered: reason === undefined,
      openAmountMinor,
      timeline: [],
    };
    if (reason !== undefined) report.reason = reason;
    this.invoices.set(invoiceId, report);
  }

  /** Adds what a transition's command shows: its records and its actions. */
  addCommand(invoiceId: string, command: Command, now: Instant): void {
    if (command.type === 'record') {
      const { type, nodeId, at, data } = command.event;
      this.addEntry(invoiceId, nodeId, { at, event: type, detail: data });
      if (nodeId !== undefined && type === 'node.entered') this.markReached(nodeId, invoiceId);
      if (nodeId !== undefined && type === 'action.skipped') this.countAt(nodeId, 'skipped');
    } else if (isActionCommand(command)) {
      this.addEntry(invoiceId, command.nodeId, {
        at: now,
        event: command.type,
        detail: actionDetail(command),
      });
      this.countAt(command.nodeId, 'actions');
    }
  }

  /** Sets the status, open amount and outcome of a run at the end of the simulation. */
  finishInvoice(
    invoiceId: string,
    status: RunStatus,
    openAmountMinor: number,
    outcome?: RunOutcome,
  ): void {
    const report = this.invoices.get(invoiceId);
    if (report === undefined) return;
    report.status = status;
    report.openAmountMinor = openAmountMinor;
    if (outcome !== undefined) report.outcome = outcome;
  }

  build(asOf: LocalDate, until: LocalDate): SimulationReport {
    const invoices = [...this.invoices.values()];
    return {
      scenarioId: this.definition.scenarioId,
      definitionHash: this.definition.hash,
      asOf,
      until,
      nodes: this.nodes,
      invoices,
      totals: this.totals(invoices),
    };
  }

  private totals(invoices: InvoiceReport[]): SimulationTotals {
    const actionsByType: Record<string, number> = {};
    const outcomes: Record<string, number> = {};
    for (const entry of invoices.flatMap((invoice) => invoice.timeline)) {
      if (isActionType(entry.event))
        actionsByType[entry.event] = (actionsByType[entry.event] ?? 0) + 1;
    }
    for (const invoice of invoices) {
      if (invoice.outcome !== undefined)
        outcomes[invoice.outcome] = (outcomes[invoice.outcome] ?? 0) + 1;
    }
    return {
      invoices: invoices.length,
      entered: invoices.filter((invoice) => invoice.entered).length,
      actionsByType,
      skippedActions: Object.values(this.nodes).reduce((sum, node) => sum + node.skipped, 0),
      outcomes,
      stillRunning: invoices.filter((invoice) => invoice.entered && invoice.status !== 'completed')
        .length,
    };
  }

  private addEntry(
    invoiceId: string,
    nodeId: string | undefined,
    entry: Omit<TimelineEntry, 'nodeId'>,
  ): void {
    const timeline = this.invoices.get(invoiceId)?.timeline;
    timeline?.push(nodeId === undefined ? entry : { ...entry, nodeId });
  }

  private markReached(nodeId: string, invoiceId: string): void {
    const invoices = this.reachedBy.get(nodeId) ?? new Set<string>();
    invoices.add(invoiceId);
    this.reachedBy.set(nodeId, invoices);
    const node = this.nodes[nodeId];
    if (node !== undefined) node.reached = invoices.size;
  }

  private countAt(nodeId: string, field: 'actions' | 'skipped'): void {
    const node = this.nodes[nodeId];
    if (node !== undefined) node[field] += 1;
  }
}

const ACTION_TYPES: readonly string[] = ['sendEmail', 'createPaymentLink', 'createTask'];

function isActionType(type: string): boolean {
  return ACTION_TYPES.includes(type);
}

export function isActionCommand(command: Command): command is ActionCommand {
  return isActionType(command.type);
}

function actionDetail(command: ActionCommand): Record<string, unknown> {
  const detail: Record<string, unknown> = { idempotencyKey: command.idempotencyKey };
  if (command.type === 'sendEmail') {
    detail['template'] = command.template;
    detail['variables'] = command.variables;
  }
  if (command.type === 'createTask') detail['title'] = command.title;
  return detail;
}
