import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { CompiledDefinition, LocalDate } from '@dunflow/model';
import { segmentOf } from '@dunflow/engine';
import {
  getInvoice,
  listWorkflowRuns,
  recordRunStart,
  type Database,
  type InvoiceListItem,
} from '@dunflow/db';
import type { Logger } from 'pino';
import { loadInvoiceFacts } from '../activities/invoice-facts';
import { dunningWorkflowId, type DunningInput } from '../workflows/dunning-input';

export interface StartRunsDependencies {
  db: Database;
  client: Client;
  taskQueue: string;
  logger: Logger;
}

/** What starting a scenario on the open book did, invoice by invoice. */
export interface StartRunsReport {
  scenarioHash: string;
  started: string[];
  /** Invoices that already have a run: one invoice never runs two campaigns at once. */
  alreadyStarted: string[];
  /** Invoices outside the trigger's segment filter. */
  notEligible: string[];
}

/**
 * Starts one workflow per open invoice that the definition's trigger admits and that has no
 * run yet. Running it again starts nothing new, so it is safe after a restart.
 */
export async function startEligibleRuns(
  deps: StartRunsDependencies,
  definition: CompiledDefinition,
  openInvoices: readonly InvoiceListItem[],
  asOf: LocalDate,
): Promise<StartRunsReport> {
  const report: StartRunsReport = {
    scenarioHash: definition.hash,
    started: [],
    alreadyStarted: [],
    notEligible: [],
  };
  const withRuns = new Set((await listWorkflowRuns(deps.db)).map((run) => run.invoiceId));
  for (const invoice of openInvoices) {
    if (withRuns.has(invoice.id)) report.alreadyStarted.push(invoice.id);
    else if (!(await admits(deps.db, definition, invoice.id, asOf)))
      report.notEligible.push(invoice.id);
    else if (await startRun(deps, definition, invoice)) report.started.push(invoice.id);
    else report.alreadyStarted.push(invoice.id);
  }
  deps.logger.info(
    {
      scenarioHash: definition.hash,
      started: report.started.length,
      alreadyStarted: report.alreadyStarted.length,
      notEligible: report.notEligible.length,
    },
    'dunning runs started',
  );
  return report;
}

async function admits(
  db: Database,
  definition: CompiledDefinition,
  invoiceId: string,
  asOf: LocalDate,
): Promise<boolean> {
  const trigger = definition.nodes[definition.triggerNodeId];
  if (trigger?.type !== 'trigger') return false;
  const filter = trigger.trigger.segmentFilter;
  if (filter === undefined) return true;
  const ruleSet = definition.ruleSets[filter.ruleSet];
  if (ruleSet === undefined) return false;
  const { facts } = await loadInvoiceFacts(db, invoiceId, asOf);
  return filter.segments.includes(await segmentOf(ruleSet, facts, definition.facts));
}

/** Builds the workflow input of an invoice's run: the definition and the invoice's run context. */
export async function dunningInput(
  db: Database,
  definition: CompiledDefinition,
  invoice: Pick<InvoiceListItem, 'id' | 'dueDate' | 'openAmountMinor'>,
  campaign = 1,
): Promise<DunningInput> {
  // The customer's country picks the holidays that business-day waits skip.
  const countryCode = (await getInvoice(db, invoice.id))?.customer.countryCode;
  return {
    definition,
    context: {
      invoiceId: invoice.id,
      dueDate: invoice.dueDate,
      openAmountMinor: invoice.openAmountMinor,
      ...(countryCode === undefined ? {} : { countryCode }),
      ...(campaign === 1 ? {} : { campaign }),
    },
  };
}

/** Starts the run of one invoice; returns false when Temporal already has one with its id. */
export async function startRun(
  deps: StartRunsDependencies,
  definition: CompiledDefinition,
  invoice: InvoiceListItem,
): Promise<boolean> {
  const workflowId = dunningWorkflowId(invoice.id);
  const input = await dunningInput(deps.db, definition, invoice);
  await recordRunStart(deps.db, {
    workflowId,
    invoiceId: invoice.id,
    scenarioHash: definition.hash,
    startedAt: new Date().toISOString(),
  });
  try {
    await deps.client.workflow.start('dunningWorkflow', {
      workflowId,
      taskQueue: deps.taskQueue,
      args: [input],
    });
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}
