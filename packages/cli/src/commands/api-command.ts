import type { Command } from 'commander';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { openDatabase } from '@dunflow/db';
import { createApi, createLogger, readRuntimeConfig } from '@dunflow/runtime';
import { readRulesFolder } from '../rules/rules-folder';
import { DEFAULT_STACK_OPTIONS } from '../start/stack-options';
import { parsePort } from './parse-port';

/** Registers `dunflow api`: the HTTP API of a production deployment. */
export function registerApiCommand(program: Command): void {
  program
    .command('api')
    .description(
      'Serve the HTTP API against the services named by the environment (DATABASE_URL, ' +
        'TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TASK_QUEUE, STRIPE_WEBHOOK_SECRET). ' +
        'Stops cleanly on SIGINT or SIGTERM.',
    )
    .option('--port <port>', 'TCP port to listen on', '3000')
    .option('--host <address>', 'address to listen on', '0.0.0.0')
    .option(
      '--rules <dir>',
      'rules folder whose templates and rule sets scenarios compile against',
      DEFAULT_STACK_OPTIONS.rulesDir,
    )
    .action(runApi);
}

async function runApi(flags: { port: string; host: string; rules: string }): Promise<void> {
  const port = parsePort('--port', flags.port);
  const config = readRuntimeConfig({ STRIPE_API_KEY: 'unused-by-the-api', ...process.env });
  const logger = createLogger('dunflow-api');
  const db = openDatabase({ url: config.databaseUrl });
  const connection = await Connection.connect({ address: config.temporalAddress });
  const client = new Client({ connection, namespace: config.temporalNamespace });
  const rules = await readRulesFolder(flags.rules);
  const app = createApi({
    db,
    client,
    taskQueue: config.taskQueue,
    logger,
    catalog: rules.catalog,
    ...(config.stripe.webhookSecret === undefined
      ? {}
      : { stripeWebhookSecret: config.stripe.webhookSecret }),
  });
  const server = serve({ fetch: app.fetch, port, hostname: flags.host });
  logger.info({ port, host: flags.host }, 'API listening');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  server.close();
  await connection.close();
  await db.close();
  logger.info('API stopped');
}
