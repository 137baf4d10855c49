import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { DunningActivities } from '../activities/dunning-activities';

/** The workflow code, bundled by the worker for Temporal's sandbox. */
export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface DunningWorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  activities: DunningActivities;
  /** A bundle made once by `bundleWorkflowCode`, to skip bundling at each start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

/** Creates a worker that runs the dunning workflow and its activities on one task queue. */
export async function createDunningWorker(options: DunningWorkerOptions): Promise<{
  worker: Worker;
  connection: NativeConnection;
}> {
  const connection = await NativeConnection.connect({ address: options.address });
  const code =
    options.workflowBundle === undefined
      ? { workflowsPath: WORKFLOWS_PATH }
      : { workflowBundle: options.workflowBundle };
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: { ...options.activities },
    ...code,
  });
  return { worker, connection };
}
