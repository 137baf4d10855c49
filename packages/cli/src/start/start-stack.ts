import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { startFakeStripe, startSmtpCapture } from '@dunflow/connectors';
import { getInvoice, publishDefinition, upsertBook } from '@dunflow/db';
import {
  allOpenInvoices,
  createActivities,
  createApi,
  createDunningWorker,
  DEFAULT_TASK_QUEUE,
  localConnectors,
  startEligibleRuns,
  quietTemporalLogs,
  startTemporalDevServer,
  type Logger,
} from '@dunflow/runtime';
import { compileFromFolder, readRulesFolder } from '../rules/rules-folder';
import { loadDemoBook, markDemoBookImported } from './demo-book';
import { checkPortsFree } from './check-ports';
import { acquireDataDirLock } from './data-dir-lock';
import { ensureTemporalCli } from './ensure-temporal-cli';
import { openStackDatabase } from './open-stack-database';
import { PaymentFeeder } from './payment-feeder';
import type { StackOptions } from './stack-options';
import { StopList } from './stop-list';

/** What `dunflow start` brought up, where to look, and how to stop it. */
export interface RunningStack {
  urls: {
    api: string;
    temporalUi: string;
    inbox: string;
    temporal: string;
    stripe: string;
    smtp: string;
  };
  database: string;
  book: {
    open: number;
    imported: { inserted: number; updated: number; unchanged: number };
    /** True when an earlier start imported the book, which is then left as the user changed it. */
    keptFromEarlierStart: boolean;
    paymentsToCome: number;
  };
  scenario: {
    id: string;
    hash: string;
    started: number;
    alreadyStarted: number;
    notEligible: number;
  };
  stop(): Promise<void>;
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** Starts Dunflow on its embedded defaults, imports the demo book and starts its workflows. */
export async function startStack(options: StackOptions, logger: Logger): Promise<RunningStack> {
  const stops = new StopList();
  try {
    return await startParts(options, logger, stops);
  } catch (error) {
    await stops.stopAll();
    throw error;
  }
}

async function startParts(
  options: StackOptions,
  logger: Logger,
  stops: StopList,
): Promise<RunningStack> {
  await mkdir(options.dataDir, { recursive: true });
  const lock = await acquireDataDirLock(options.dataDir);
  stops.add('data folder lock', () => lock.release());
  if (lock.stoppedOrphan !== undefined) {
    logger.warn({ pid: lock.stoppedOrphan }, 'stopped a Temporal server left by a killed start');
  }
  await checkPortsFree(options);
  quietTemporalLogs();
  ensureTemporalCli();
  const temporal = await startTemporalDevServer({
    dbFile: join(options.dataDir, 'temporal.db'),
    port: options.temporalPort,
    uiPort: options.temporalUiPort,
    onOutput: (line) => {
      logger.debug({ source: 'temporal' }, line);
    },
  });
  stops.add('Temporal dev server', () => temporal.stop());
  await lock.recordTemporal(temporal.pid);
  logger.info({ address: temporal.address }, 'Temporal dev server started');

  const { db, source } = await openStackDatabase(options.databaseUrl, options.dataDir, stops);
  logger.info({ database: source }, 'database ready');

  const smtp = await startSmtpCapture({
    port: options.smtpPort,
    inboxFile: join(options.dataDir, 'inbox.jsonl'),
  });
  stops.add('SMTP capture', () => smtp.stop());
  const apiUrl = `http://127.0.0.1:${options.apiPort}`;
  const stripe = await startFakeStripe({
    port: options.stripePort,
    webhookUrl: `${apiUrl}/webhooks/stripe`,
  });
  stops.add('Stripe-shaped server', () => stripe.stop());

  const activities = createActivities({
    db,
    ...localConnectors({
      smtpPort: smtp.port,
      stripePort: stripe.port,
      stripeApiKey: stripe.apiKey,
    }),
    logger,
  });
  const { worker, connection } = await createDunningWorker({
    address: temporal.address,
    namespace: temporal.namespace,
    taskQueue: DEFAULT_TASK_QUEUE,
    activities,
  });
  const running = worker.run();
  stops.add('worker', async () => {
    // The Temporal SDK begins the shutdown by itself on Ctrl-C; a second request would throw.
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
    await connection.close();
  });

  const clientConnection = await Connection.connect({ address: temporal.address });
  stops.add('Temporal client', () => clientConnection.close());
  const client = new Client({ connection: clientConnection, namespace: temporal.namespace });

  const rules = await readRulesFolder(options.rulesDir);
  const app = createApi({
    db,
    client,
    taskQueue: DEFAULT_TASK_QUEUE,
    logger,
    catalog: rules.catalog,
    inbox: smtp,
    stripeWebhookSecret: stripe.webhookSecret,
  });
  const server = await listenApi(app.fetch, options.apiPort);
  stops.add('API server', () => closeServer(server));

  const demo = await loadDemoBook(options.bookFile, options.asOf, options.dataDir, today());
  // A database without the book's first invoice (a new DATABASE_URL) gets the book again.
  const first = demo.book.invoices[0];
  const present = first !== undefined && (await getInvoice(db, first.id)) !== undefined;
  const keep = demo.importedBefore && present;
  const imported = keep
    ? { inserted: 0, updated: 0, unchanged: 0 }
    : await upsertBook(db, demo.book, options.bookFile);
  if (!keep) await markDemoBookImported(options.dataDir);
  logger.info({ ...imported, kept: keep, shiftDays: demo.shiftDays }, 'demo book ready');

  const compiled = compileFromFolder(rules, options.scenarioId);
  if (!compiled.ok) {
    const lines = compiled.errors.map((error) => `${error.path}: ${error.message}`);
    throw new Error(`scenario '${options.scenarioId}' does not compile:\n${lines.join('\n')}`);
  }
  await publishDefinition(db, compiled.definition);

  const feeder = new PaymentFeeder(demo.book.futurePayments, db, client, logger);
  const open = await allOpenInvoices(db, today());
  const report = await startEligibleRuns(
    { db, client, taskQueue: DEFAULT_TASK_QUEUE, logger },
    compiled.definition,
    open,
    today(),
  );
  await feeder.start(today);
  stops.add('payment feeder', () => feeder.stop());

  return {
    urls: {
      api: apiUrl,
      temporalUi: temporal.uiUrl ?? '',
      inbox: `${apiUrl}/inbox`,
      temporal: temporal.address,
      stripe: stripe.url,
      smtp: `127.0.0.1:${smtp.port}`,
    },
    database: source,
    book: {
      open: open.length,
      imported,
      keptFromEarlierStart: keep,
      paymentsToCome: feeder.remaining,
    },
    scenario: {
      id: options.scenarioId,
      hash: compiled.definition.hash,
      started: report.started.length,
      alreadyStarted: report.alreadyStarted.length,
      notEligible: report.notEligible.length,
    },
    stop: async () => {
      const failures = await stops.stopAll();
      for (const { name, error } of failures)
        logger.error({ err: error, part: name }, 'stop failed');
    },
  };
}

async function listenApi(
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
): Promise<ReturnType<typeof serve>> {
  const server = serve({ fetch, port, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error: NodeJS.ErrnoException) => {
      const inUse = error.code === 'EADDRINUSE';
      const cause = inUse ? 'is already in use by another process' : `failed: ${error.message}`;
      reject(new Error(`API port ${String(port)} ${cause}; pass a free port with --api-port`));
    });
  });
  return server;
}

async function closeServer(server: ReturnType<typeof serve>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error === undefined) resolve();
      else reject(error);
    });
  });
}
