import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { CompiledDefinition, LocalDate } from '@dunflow/model';
import {
  appendEvent,
  getWorkflowRun,
  listEvents,
  openAmountsOn,
  recordRunRestart,
  type WorkflowRun,
} from '@dunflow/db';
import { dunningWorkflowId } from '../workflows/dunning-input';
import { dunningInput, type StartRunsDependencies } from './start-runs';

/** Why a restart could not happen: the run is still active, or nothing is left to collect. */
export class RestartError extends Error {
  override readonly name = 'RestartError';

  constructor(
    readonly reason: 'runActive' | 'invoiceSettled' | 'noRun',
    message: string,
  ) {
    super(message);
  }
}

export interface RestartRequest {
  invoiceId: string;
  dueDate: LocalDate;
  definition: CompiledDefinition;
  today: LocalDate;
  reason?: string;
}

export interface RestartedRun {
  workflowId: string;
  campaign: number;
  previous: Pick<WorkflowRun, 'scenarioHash' | 'status' | 'outcome'>;
}

/**
 * Starts a new dunning campaign for an invoice whose run has ended, e.g. after a dispute was
 * settled in the company's favour or a run was cancelled by mistake. The new run keeps the
 * invoice's workflow id, counts as the next campaign (so its actions have new idempotency
 * keys and do send again), and the restart is written to the invoice's history.
 */
export async function restartRun(
  deps: StartRunsDependencies,
  request: RestartRequest,
): Promise<RestartedRun> {
  const workflowId = dunningWorkflowId(request.invoiceId);
  const run = await getWorkflowRun(deps.db, workflowId);
  checkEnded(request.invoiceId, run);
  const openAmountMinor = await openAmountOf(deps, request);
  const campaign = (await campaignsSoFar(deps, request.invoiceId)) + 1;
  const invoice = { id: request.invoiceId, dueDate: request.dueDate, openAmountMinor };
  const input = await dunningInput(deps.db, request.definition, invoice, campaign);
  try {
    await deps.client.workflow.start('dunningWorkflow', {
      workflowId,
      taskQueue: deps.taskQueue,
      args: [input],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    throw new RestartError('runActive', `invoice '${request.invoiceId}' has a running workflow`);
  }
  await recordRestart(deps, request, campaign, run);
  deps.logger.info({ invoiceId: request.invoiceId, workflowId, campaign }, 'dunning restarted');
  const { scenarioHash, status, outcome } = run;
  return {
    workflowId,
    campaign,
    previous: { scenarioHash, status, ...(outcome === undefined ? {} : { outcome }) },
  };
}

function checkEnded(invoiceId: string, run: WorkflowRun | undefined): asserts run is WorkflowRun {
  if (run === undefined) {
    throw new RestartError('noRun', `invoice '${invoiceId}' has never had a dunning run`);
  }
  if (run.status === 'running' || run.status === 'paused') {
    throw new RestartError(
      'runActive',
      `the dunning run of invoice '${invoiceId}' is ${run.status}`,
    );
  }
}

async function openAmountOf(deps: StartRunsDependencies, request: RestartRequest) {
  const [position] = await openAmountsOn(deps.db, request.today, {
    invoiceIds: [request.invoiceId],
  });
  const openAmountMinor = position?.openAmountMinor ?? 0;
  if (openAmountMinor === 0) {
    throw new RestartError('invoiceSettled', `invoice '${request.invoiceId}' has nothing open`);
  }
  return openAmountMinor;
}

/** Counts the campaigns the invoice has had: the first run plus each restart. */
async function campaignsSoFar(deps: StartRunsDependencies, invoiceId: string): Promise<number> {
  const events = await listEvents(deps.db, invoiceId);
  return 1 + events.filter((event) => event.type === 'run.restarted').length;
}

async function recordRestart(
  deps: StartRunsDependencies,
  request: RestartRequest,
  campaign: number,
  previous: WorkflowRun,
): Promise<void> {
  const workflowId = dunningWorkflowId(request.invoiceId);
  const startedAt = new Date().toISOString();
  const scenarioHash = request.definition.hash;
  await recordRunRestart(deps.db, { workflowId, scenarioHash, startedAt });
  await appendEvent(deps.db, {
    invoiceId: request.invoiceId,
    workflowId,
    type: 'run.restarted',
    occurredAt: startedAt,
    data: {
      campaign,
      scenarioHash,
      previousOutcome: previous.outcome ?? previous.status,
      ...(request.reason === undefined ? {} : { reason: request.reason }),
    },
    idempotencyKey: `${workflowId}:campaign:${String(campaign)}`,
  });
}
