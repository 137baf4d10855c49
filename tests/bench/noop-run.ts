import { randomUUID } from 'node:crypto';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { BenchStack } from './bench-stack';
import type { StartTimes } from './start-runs-run';
import { timed } from './runs';
import { waitUntil } from './wait-until';

const COMPLETED_TIMEOUT_MS = 600_000;

/**
 * Runs a worker of the no-op workflow on a new task queue, starts `count` no-op workflows one
 * after another as `startEligibleRuns` starts runs, and times the starts and the wait until
 * Temporal's visibility store counts every workflow as completed. `firstEventsMs` is that
 * wait, which is the whole life of a no-op workflow.
 */
export async function timeNoopStarts(stack: BenchStack, count: number): Promise<StartTimes> {
  const taskQueue = `bench-noop-${randomUUID()}`;
  const connection = await NativeConnection.connect({ address: stack.temporal.address });
  const worker = await Worker.create({
    connection,
    namespace: stack.temporal.namespace,
    taskQueue,
    workflowBundle: stack.noopBundle,
  });
  const running = worker.run();
  try {
    const started = performance.now();
    const start = await timed(async () => {
      for (let index = 0; index < count; index++) {
        await stack.client.workflow.start('noopWorkflow', {
          workflowId: `${taskQueue}-${index}`,
          taskQueue,
        });
      }
    });
    const query = `TaskQueue = "${taskQueue}" AND ExecutionStatus = "Completed"`;
    await waitUntil(
      `${count} no-op workflows to complete`,
      async () => (await stack.client.workflow.count(query)).count === count,
      COMPLETED_TIMEOUT_MS,
    );
    return { startMs: start.ms, firstEventsMs: performance.now() - started };
  } finally {
    worker.shutdown();
    await running;
    await connection.close();
  }
}
