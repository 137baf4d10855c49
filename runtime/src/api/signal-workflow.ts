import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import { dunningWorkflowId } from '../workflows/dunning-input';
import type { ApiDependencies } from './api-dependencies';

/**
 * Sends a signal to the invoice's dunning workflow through `send`. Returns false when the
 * invoice has no running workflow, because none was started or it has ended. Other failures,
 * such as an unreachable Temporal server, are raised.
 */
export async function signalWorkflow(
  deps: Pick<ApiDependencies, 'client' | 'logger'>,
  invoiceId: string,
  signal: string,
  send: (handle: WorkflowHandle) => Promise<void>,
): Promise<boolean> {
  const workflowId = dunningWorkflowId(invoiceId);
  try {
    await send(deps.client.workflow.getHandle(workflowId));
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    deps.logger.info({ invoiceId, workflowId, signal }, 'no running workflow to signal');
    return false;
  }
  deps.logger.info({ invoiceId, workflowId, signal }, 'workflow signalled');
  return true;
}
