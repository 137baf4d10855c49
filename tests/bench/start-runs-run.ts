import { randomUUID } from 'node:crypto';
import {
  createMigratedTestDatabase,
  publishDefinition,
  upsertBook,
  type Database,
} from '@dunflow/db';
import type { Book } from '@dunflow/importer';
import type { CompiledDefinition, LocalDate } from '@dunflow/model';
import {
  allOpenInvoices,
  createActivities,
  createDunningWorker,
  startEligibleRuns,
  type Logger,
} from '@dunflow/runtime';
import type { BenchStack } from './bench-stack';
import { timed } from './runs';
import { waitUntil } from './wait-until';

/** What one run of the product measurement timed, in milliseconds. */
export interface StartTimes {
  startMs: number;
  /** From the first start until every run has an event in `dunning_events`. */
  firstEventsMs: number;
}

const FIRST_EVENTS_TIMEOUT_MS = 600_000;

/**
 * Imports the book into a fresh database, publishes the definition as `dunflow start` does, runs a dunning worker on a new task queue, and times
 * `startEligibleRuns` over every open invoice and the wait for each run's first event. The
 * worker stops and the database is dropped before it returns. The runs it started stay on the
 * Temporal server with no worker polling their task queue.
 */
export async function timeStartEligibleRuns(
  stack: BenchStack,
  scenario: { definition: CompiledDefinition; book: Book; today: LocalDate },
  logger: Logger,
): Promise<StartTimes> {
  const database = await createMigratedTestDatabase({ poolSize: 10 });
  try {
    const { db } = database;
    await upsertBook(db, scenario.book, 'bench.csv');
    await publishDefinition(db, scenario.definition);
    const open = await allOpenInvoices(db, scenario.today);
    const expected = scenario.book.invoices.length;
    if (open.length !== expected)
      throw new Error(`${open.length} invoices are open; expected ${expected}`);

    const taskQueue = `bench-${randomUUID()}`;
    const activities = createActivities({ db, ...stack.connectors, logger });
    const { worker, connection } = await createDunningWorker({
      address: stack.temporal.address,
      namespace: stack.temporal.namespace,
      taskQueue,
      activities,
      workflowBundle: stack.dunningBundle,
    });
    const running = worker.run();
    try {
      const deps = { db, client: stack.client, taskQueue, logger };
      const started = performance.now();
      const start = await timed(() =>
        startEligibleRuns(deps, scenario.definition, open, scenario.today),
      );
      if (start.result.started.length !== expected) {
        throw new Error(
          `startEligibleRuns started ${start.result.started.length} runs; expected ${expected}`,
        );
      }
      await waitUntil(
        `a first event of ${expected} runs`,
        async () => (await invoicesWithEvents(db)) === expected,
        FIRST_EVENTS_TIMEOUT_MS,
      );
      return { startMs: start.ms, firstEventsMs: performance.now() - started };
    } finally {
      worker.shutdown();
      await running;
      await connection.close();
    }
  } finally {
    await database.close();
  }
}

async function invoicesWithEvents(db: Database): Promise<number> {
  const result = await db.pool.query<{ count: number }>(
    'select count(distinct invoice_id)::int as count from dunning_events',
  );
  return result.rows[0]?.count ?? 0;
}
