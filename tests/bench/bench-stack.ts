import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, type WorkflowBundle } from '@temporalio/worker';
import { startFakeStripe, startSmtpCapture } from '@dunflow/connectors';
import {
  localConnectors,
  quietTemporalLogs,
  startTemporalDevServer,
  WORKFLOWS_PATH,
  type TemporalDevServer,
} from '@dunflow/runtime';
import { unclaimedPort } from '../src/unclaimed-port';

const NOOP_WORKFLOWS_PATH = fileURLToPath(new URL('./noop-workflow.ts', import.meta.url));

/** The servers every Temporal measurement shares, and the workflow code bundled once. */
export interface BenchStack {
  temporal: TemporalDevServer;
  client: Client;
  connectors: ReturnType<typeof localConnectors>;
  dunningBundle: WorkflowBundle;
  noopBundle: WorkflowBundle;
  stop(): Promise<void>;
}

/**
 * Starts an in-memory, headless Temporal dev server on a free port of 127.0.0.1, an SMTP
 * capture and a Stripe-shaped server for the activities, and bundles the dunning and no-op
 * workflows. `stop` stops what it started, also when a later step fails.
 */
export async function startBenchStack(): Promise<BenchStack> {
  quietTemporalLogs();
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const temporal = await startTemporalDevServer({ port: await unclaimedPort() });
    stops.push(() => temporal.stop());
    const smtp = await startSmtpCapture({ port: 0 });
    stops.push(() => smtp.stop());
    const stripe = await startFakeStripe({ port: 0 });
    stops.push(() => stripe.stop());
    const connection = await Connection.connect({ address: temporal.address });
    stops.push(() => connection.close());

    const ports = { smtpPort: smtp.port, stripePort: stripe.port, stripeApiKey: stripe.apiKey };
    // The bundler prints webpack's module list at the info level.
    const logger = new DefaultLogger('WARN');
    return {
      temporal,
      client: new Client({ connection, namespace: temporal.namespace }),
      connectors: localConnectors(ports),
      dunningBundle: await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger }),
      noopBundle: await bundleWorkflowCode({ workflowsPath: NOOP_WORKFLOWS_PATH, logger }),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
