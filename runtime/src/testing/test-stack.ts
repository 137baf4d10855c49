import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import {
  startFakeStripe,
  startSmtpCapture,
  type FakeStripeServer,
  type SmtpCaptureServer,
} from '@dunflow/connectors';
import { createMigratedTestDatabase, type Database } from '@dunflow/db';
import { pino } from 'pino';
import { createActivities } from '../activities/create-activities';
import { localConnectors } from '../services/local-connectors';
import { createDunningWorker } from '../worker/create-worker';
import { quietTemporalLogs } from '../worker/quiet-temporal-logs';

/** Everything a runtime test needs, started on 127.0.0.1, and how to stop it. */
export interface TestStack {
  db: Database;
  smtp: SmtpCaptureServer;
  stripe: FakeStripeServer;
  client: Client;
  taskQueue: string;
  stop(): Promise<void>;
}

/**
 * Starts a fresh database, an SMTP capture, a Stripe-shaped server and a worker on its own
 * task queue of the shared Temporal dev server at `temporalAddress`.
 */
export async function startTestStack(temporalAddress: string): Promise<TestStack> {
  quietTemporalLogs();
  const database = await createMigratedTestDatabase();
  const smtp = await startSmtpCapture({ port: 0 });
  const stripe = await startFakeStripe({ port: 0 });
  const logger = pino({ level: 'silent' });
  const activities = createActivities({
    db: database.db,
    ...localConnectors({
      smtpPort: smtp.port,
      stripePort: stripe.port,
      stripeApiKey: stripe.apiKey,
    }),
    logger,
  });
  const taskQueue = `test-${randomUUID()}`;
  const { worker, connection } = await createDunningWorker({
    address: temporalAddress,
    namespace: 'default',
    taskQueue,
    activities,
  });
  const running = worker.run();
  const clientConnection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection: clientConnection });
  return {
    db: database.db,
    smtp,
    stripe,
    client,
    taskQueue,
    stop: async () => {
      worker.shutdown();
      await running;
      await connection.close();
      await clientConnection.close();
      await smtp.stop();
      await stripe.stop();
      await database.close();
    },
  };
}
