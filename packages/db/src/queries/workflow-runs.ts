import type { Selectable } from 'kysely';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import type { WorkflowOutcome, WorkflowRunStatus, WorkflowRunsTable } from '../database-schema';
import { NotFoundError } from '../errors';

export interface WorkflowRunStart {
  workflowId: string;
  invoiceId: string;
  scenarioHash: string;
  /** ISO 8601 instant. */
  startedAt: string;
}

export interface WorkflowRun extends WorkflowRunStart {
  status: WorkflowRunStatus;
  outcome?: WorkflowOutcome;
  endedAt?: string;
}

export interface WorkflowRunUpdate {
  status: WorkflowRunStatus;
  outcome?: WorkflowOutcome;
  /** ISO 8601 instant; set it when the run ends. */
  endedAt?: string;
}

/**
 * Records the start of a workflow run as `running`. Recording a workflow id again changes
 * nothing and returns the stored run, so a retried activity is harmless.
 */
export async function recordRunStart(
  db: Queryable,
  start: WorkflowRunStart,
): Promise<{ run: WorkflowRun; created: boolean }> {
  // NOTE: the workflow id is the primary key, so a later campaign that reuses the id of a
  // finished run is not recorded as a new run. Its events still reach dunning_events.
  const kysely = kyselyOf(db);
  const inserted = await kysely
    .insertInto('workflow_runs')
    .values({
      workflow_id: start.workflowId,
      invoice_id: start.invoiceId,
      scenario_hash: start.scenarioHash,
      started_at: start.startedAt,
      status: 'running',
    })
    .onConflict((conflict) => conflict.column('workflow_id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { run: rowToRun(inserted), created: true };

  const stored = await getWorkflowRun(kysely, start.workflowId);
  if (!stored) throw notFound(start.workflowId);
  return { run: stored, created: false };
}

/** Sets a run's status, and its outcome and end time when given. */
export async function updateRunStatus(
  db: Queryable,
  workflowId: string,
  update: WorkflowRunUpdate,
): Promise<WorkflowRun> {
  const row = await kyselyOf(db)
    .updateTable('workflow_runs')
    .set({ status: update.status })
    .$if(update.outcome !== undefined, (query) => query.set({ outcome: update.outcome ?? null }))
    .$if(update.endedAt !== undefined, (query) => query.set({ ended_at: update.endedAt ?? null }))
    .where('workflow_id', '=', workflowId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound(workflowId);
  return rowToRun(row);
}

/**
 * Records a new campaign under the workflow id of an ended run: status `running` again, the
 * scenario version and start time of the new campaign, no outcome or end. Returns undefined,
 * and changes nothing, when the run has not ended, so two restarts cannot both succeed.
 */
export async function recordRunRestart(
  db: Queryable,
  start: Omit<WorkflowRunStart, 'invoiceId'>,
): Promise<WorkflowRun | undefined> {
  const row = await kyselyOf(db)
    .updateTable('workflow_runs')
    .set({
      status: 'running',
      scenario_hash: start.scenarioHash,
      started_at: start.startedAt,
      outcome: null,
      ended_at: null,
    })
    .where('workflow_id', '=', start.workflowId)
    .where('status', 'in', ['completed', 'failed', 'cancelled'])
    .returningAll()
    .executeTakeFirst();
  return row && rowToRun(row);
}

/** Returns the run recorded under `workflowId`, or undefined when there is none. */
export async function getWorkflowRun(
  db: Queryable,
  workflowId: string,
): Promise<WorkflowRun | undefined> {
  const row = await kyselyOf(db)
    .selectFrom('workflow_runs')
    .selectAll()
    .where('workflow_id', '=', workflowId)
    .executeTakeFirst();
  return row && rowToRun(row);
}

/** Runs, oldest first, filtered by invoice and status when given. */
export async function listWorkflowRuns(
  db: Queryable,
  filter: { invoiceId?: string; status?: WorkflowRunStatus } = {},
): Promise<WorkflowRun[]> {
  const { invoiceId, status } = filter;
  const rows = await kyselyOf(db)
    .selectFrom('workflow_runs')
    .selectAll()
    .$if(invoiceId !== undefined, (query) => query.where('invoice_id', '=', invoiceId ?? ''))
    .$if(status !== undefined, (query) => query.where('status', '=', status ?? 'running'))
    .orderBy('started_at')
    .orderBy('workflow_id')
    .execute();
  return rows.map(rowToRun);
}

function rowToRun(row: Selectable<WorkflowRunsTable>): WorkflowRun {
  const run: WorkflowRun = {
    workflowId: row.workflow_id,
    invoiceId: row.invoice_id,
    scenarioHash: row.scenario_hash,
    startedAt: row.started_at,
    status: row.status,
  };
  if (row.outcome !== null) run.outcome = row.outcome;
  if (row.ended_at !== null) run.endedAt = row.ended_at;
  return run;
}

function notFound(workflowId: string): NotFoundError {
  return new NotFoundError(
    'workflow_runs',
    workflowId,
    `workflow run '${workflowId}' not found; record its start with recordRunStart first`,
  );
}
