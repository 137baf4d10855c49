import type { Command } from 'commander';
import { migrate, openDatabase } from '@dunflow/db';
import {
  createActivities,
  createDunningWorker,
  createLogger,
  emailSenderFromConfig,
  paymentLinksFromConfig,
  readRuntimeConfig,
} from '@dunflow/runtime';

/** Registers `dunflow worker`: the Temporal worker of a production deployment. */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'Run the Temporal worker against the services named by the environment: DATABASE_URL, ' +
        'TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TASK_QUEUE, SMTP_URL, MAIL_FROM, STRIPE_API_KEY ' +
        'and STRIPE_API_BASE. Migrates the database first. Stops cleanly on SIGINT or SIGTERM.',
    )
    .action(runWorker);
}

async function runWorker(): Promise<void> {
  const config = readRuntimeConfig();
  const logger = createLogger('dunflow-worker');
  const db = openDatabase({ url: config.databaseUrl });
  await migrate(db);
  const activities = createActivities({
    db,
    email: emailSenderFromConfig(config),
    paymentLinks: paymentLinksFromConfig(config),
    logger,
  });
  const { worker, connection } = await createDunningWorker({
    address: config.temporalAddress,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    activities,
  });
  logger.info({ taskQueue: config.taskQueue, temporal: config.temporalAddress }, 'worker started');
  const shutdown = (): void => {
    worker.shutdown();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await worker.run();
  await connection.close();
  await db.close();
  logger.info('worker stopped');
}
