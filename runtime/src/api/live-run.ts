import { WorkflowNotFoundError } from '@temporalio/client';
import type { RunView } from '@dunflow/engine/interpreter';
import { runViewQuery } from '../workflows/signals';
import type { ApiDependencies } from './api-dependencies';

/** The workflow execution as Temporal reports it. */
export interface WorkflowExecution {
  runId: string;
  /** Temporal's status name, e.g. `RUNNING`, `COMPLETED`, `TERMINATED`. */
  status: string;
  startTime: string;
  closeTime?: string;
}

/** A run as Temporal reports it. `view` is set only while the workflow runs. */
export interface LiveRun {
  execution: WorkflowExecution | null;
  view: RunView | null;
  /** The error message of a failed run view query. */
  viewError?: string;
}

/**
 * Describes the workflow in Temporal and, while it runs, queries its run view (current
 * node, next action and when, actions taken). A failed query is logged and reported in
 * `viewError`, so the recorded run and history are still returned.
 */
export async function loadLiveRun(
  deps: Pick<ApiDependencies, 'client' | 'logger'>,
  invoiceId: string,
  workflowId: string,
): Promise<LiveRun> {
  const handle = deps.client.workflow.getHandle(workflowId);
  let execution: WorkflowExecution;
  try {
    const description = await handle.describe();
    execution = {
      runId: description.runId,
      status: description.status.name,
      startTime: description.startTime.toISOString(),
      ...(description.closeTime === undefined
        ? {}
        : { closeTime: description.closeTime.toISOString() }),
    };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return { execution: null, view: null };
    throw error;
  }
  if (execution.status !== 'RUNNING') return { execution, view: null };
  try {
    return { execution, view: await handle.query(runViewQuery) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.logger.warn({ invoiceId, workflowId, err: error }, 'run view query failed');
    return { execution, view: null, viewError: reason };
  }
}
