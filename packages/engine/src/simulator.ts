import type {
  CompiledDefinition,
  Customer,
  Instant,
  Invoice,
  LocalDate,
  Payment,
} from '@dunflow/model';
import { addDays, parseInstant, startOfDay } from './calendar';
import { SimulationError } from './simulator-error';
import { BookLedger } from './simulator-ledger';
import { SimulationQueue, type SimulationItem } from './simulator-queue';
import { ReportBuilder, type SimulationReport } from './simulator-report';
import { SimulatedRun, type Evaluator, type SimulationContext } from './simulator-run';

export type { Evaluator } from './simulator-run';

/** The invoices, customers and real payments a simulation replays. */
export interface SimulationBook {
  invoices: Invoice[];
  customers: Customer[];
  payments: Payment[];
}

export interface SimulationOptions {
  /** The day invoices enter; the earliest issue date when absent. */
  asOf?: LocalDate;
  /** The last day simulated, included. */
  until: LocalDate;
  evaluate: Evaluator;
}

/**
 * Replays a book through a compiled definition on one virtual clock, with the same interpreter
 * the workflows run. Invoices open on `asOf` (issued by then and not settled) enter at its
 * midnight UTC. Then payments (at the start of their day), ERP settlements and timers happen
 * in time order until the end of `until`. Actions complete at once. The same inputs give the
 * same report.
 */
export async function simulate(
  definition: CompiledDefinition,
  book: SimulationBook,
  options: SimulationOptions,
): Promise<SimulationReport> {
  const invoices = [...book.invoices].sort((a, b) => compareText(a.id, b.id));
  const asOf = options.asOf ?? earliestIssueDate(invoices) ?? options.until;
  if (options.until < asOf) {
    throw new SimulationError(
      `until ${options.until} is before asOf ${asOf}; simulate up to a later day`,
      options.until,
    );
  }
  const context = createContext(definition, invoices, options);
  const runs = new Map<string, SimulatedRun>();

  const customers = new Map(book.customers.map((customer) => [customer.id, customer]));

  applyPaymentsUpTo(context, book.payments, invoices, asOf);
  for (const invoice of invoices) {
    const run = await enterInvoice(context, invoice, customers.get(invoice.customerId), asOf);
    if (run !== undefined) runs.set(invoice.id, run);
  }
  queueLaterPayments(context, book.payments, invoices, asOf, options.until);
  await runQueue(context, runs);

  for (const [invoiceId, run] of runs) {
    const state = run.runState;
    if (state !== undefined) {
      context.report.finishInvoice(invoiceId, state.status, state.openAmountMinor, state.outcome);
    }
  }
  return context.report.build(asOf, options.until);
}

function createContext(
  definition: CompiledDefinition,
  invoices: Invoice[],
  options: SimulationOptions,
): SimulationContext {
  const order = new Map(invoices.map((invoice, index) => [invoice.id, index]));
  return {
    definition,
    queue: new SimulationQueue(order),
    ledger: new BookLedger(invoices),
    report: new ReportBuilder(definition),
    evaluate: options.evaluate,
    end: startOfDay(addDays(options.until, 1)),
  };
}

/** Applies payments received on or before `asOf`, and settlements, to the opening amounts. */
function applyPaymentsUpTo(
  context: SimulationContext,
  payments: Payment[],
  invoices: Invoice[],
  asOf: LocalDate,
): void {
  for (const payment of sortedPayments(payments)) {
    checkPaymentInvoice(context, payment);
    if (payment.receivedOn <= asOf) context.ledger.pay(payment.invoiceId, payment.amountMinor);
  }
  for (const invoice of invoices) {
    if (invoice.settledDate !== undefined && invoice.settledDate <= asOf) {
      context.ledger.settle(invoice.id);
    }
  }
}

/**
 * Starts the run of an invoice open on `asOf`, or reports why it does not enter. A trigger's
 * segment filter is decided here, before the run starts, as the workflow's starter does.
 */
async function enterInvoice(
  context: SimulationContext,
  invoice: Invoice,
  customer: Customer | undefined,
  asOf: LocalDate,
): Promise<SimulatedRun | undefined> {
  const open = context.ledger.openAmount(invoice.id);
  const run = new SimulatedRun(context, invoice, customer);
  const at = startOfDay(asOf);
  const reason =
    invoice.issueDate > asOf ? `issued after ${asOf}` : await reasonNotToEnter(context, run, at);
  context.report.addInvoice(invoice.id, open, reason);
  if (reason !== undefined) return undefined;
  await run.start(at);
  return run;
}

async function reasonNotToEnter(
  context: SimulationContext,
  run: SimulatedRun,
  at: Instant,
): Promise<string | undefined> {
  if (context.ledger.openAmount(run.invoice.id) === 0) return 'settled before it could enter';
  const trigger = context.definition.nodes[context.definition.triggerNodeId];
  const filter = trigger?.type === 'trigger' ? trigger.trigger.segmentFilter : undefined;
  if (filter === undefined) return undefined;

  const ruleSet = context.definition.ruleSets[filter.ruleSet];
  if (ruleSet === undefined) {
    throw new SimulationError(
      `the trigger filters on rule set '${filter.ruleSet}', which the definition does not ` +
        'contain; recompile the scenario',
      filter.ruleSet,
    );
  }
  const segment = await context.evaluate.segment(ruleSet, run.factsAt(at));
  return filter.segments.includes(segment)
    ? undefined
    : `segment '${segment}' is not in the trigger's filter`;
}

/** Queues payments and settlements after `asOf` and up to `until`. */
function queueLaterPayments(
  context: SimulationContext,
  payments: Payment[],
  invoices: Invoice[],
  asOf: LocalDate,
  until: LocalDate,
): void {
  for (const payment of sortedPayments(payments)) {
    if (payment.receivedOn > asOf && payment.receivedOn <= until) {
      context.queue.push(startOfDay(payment.receivedOn), { kind: 'payment', payment });
    }
  }
  for (const invoice of invoices) {
    const settled = invoice.settledDate;
    if (settled !== undefined && settled > asOf && settled <= until) {
      context.queue.push(startOfDay(settled), { kind: 'settlement', invoiceId: invoice.id });
    }
  }
}

async function runQueue(
  context: SimulationContext,
  runs: Map<string, SimulatedRun>,
): Promise<void> {
  const endMs = parseInstant(context.end);
  for (let next = context.queue.pop(); next !== undefined; next = context.queue.pop()) {
    if (parseInstant(next.at) >= endMs) return;
    await happen(context, runs, next.at, next.item);
  }
}

/** Applies one item to the ledger and, when the invoice has a run, to the run. */
async function happen(
  context: SimulationContext,
  runs: Map<string, SimulatedRun>,
  at: Instant,
  item: SimulationItem,
): Promise<void> {
  if (item.kind === 'timer') {
    await runs.get(item.invoiceId)?.send({ type: 'timerFired', at, timerId: item.timerId });
    return;
  }
  if (item.kind === 'payment') {
    const { payment } = item;
    context.ledger.pay(payment.invoiceId, payment.amountMinor);
    const event = {
      type: 'payment' as const,
      at,
      paymentId: payment.id,
      amountMinor: payment.amountMinor,
    };
    await runs.get(payment.invoiceId)?.send(event);
    return;
  }
  // The ERP recorded the invoice as settled without payments covering it: the rest counts as paid.
  const remaining = context.ledger.settle(item.invoiceId);
  if (remaining === 0) return;
  const event = {
    type: 'payment' as const,
    at,
    paymentId: `settlement:${item.invoiceId}`,
    amountMinor: remaining,
  };
  await runs.get(item.invoiceId)?.send(event);
}

function checkPaymentInvoice(context: SimulationContext, payment: Payment): void {
  if (context.ledger.has(payment.invoiceId)) return;
  throw new SimulationError(
    `payment '${payment.id}' is for invoice '${payment.invoiceId}', which is not in the book; ` +
      'add the invoice or drop the payment',
    payment.id,
  );
}

function sortedPayments(payments: Payment[]): Payment[] {
  return [...payments].sort(
    (a, b) => compareText(a.receivedOn, b.receivedOn) || compareText(a.id, b.id),
  );
}

function earliestIssueDate(invoices: Invoice[]): LocalDate | undefined {
  return invoices.map((invoice) => invoice.issueDate).sort(compareText)[0];
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
