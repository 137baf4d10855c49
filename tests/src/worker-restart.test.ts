import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFakeStripe, startSmtpCapture } from '@dunflow/connectors';
import type { FakeStripeServer, SmtpCaptureServer } from '@dunflow/connectors';
import {
  createMigratedTestDatabase,
  listEvents,
  listTasks,
  publishDefinition,
  upsertBook,
  type MigratedTestDatabase,
} from '@dunflow/db';
import { allOpenInvoices, createLogger, dunningWorkflowId, startRun } from '@dunflow/runtime';
import { compileQuickScenario } from '@dunflow/runtime/testing';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(REPO_ROOT, 'packages/cli/src/main.ts');
const TODAY = new Date().toISOString().slice(0, 10);

describe('a worker killed after a send', () => {
  let testDb: MigratedTestDatabase;
  let smtp: SmtpCaptureServer;
  let stripe: FakeStripeServer;
  let connection: Connection;
  const taskQueue = `worker-restart-${String(process.pid)}-${String(Date.now())}`;
  const workers: ChildProcess[] = [];

  /** Starts `dunflow worker` in its own process, as a deployment runs it. */
  function startWorker(): ChildProcess {
    const env = {
      ...process.env,
      DATABASE_URL: testDb.url,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TASK_QUEUE: taskQueue,
      SMTP_URL: `smtp://127.0.0.1:${String(smtp.port)}`,
      STRIPE_API_KEY: stripe.apiKey,
      STRIPE_API_BASE: stripe.url,
      LOG_LEVEL: 'warn',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'worker'], {
      cwd: REPO_ROOT,
      env,
      stdio: 'ignore',
    });
    workers.push(child);
    return child;
  }

  beforeAll(async () => {
    testDb = await createMigratedTestDatabase();
    smtp = await startSmtpCapture({ port: 0 });
    stripe = await startFakeStripe({ port: 0 });
    connection = await Connection.connect({ address: inject('temporalAddress') });
    const invoice = {
      id: '0001',
      customerId: 'C1',
      issueDate: '2026-01-01',
      dueDate: '2026-01-31',
      amountMinor: 12_345,
      currency: 'EUR',
      disputed: false,
    };
    const customer = { id: 'C1', countryCode: 'FR', email: 'c1@example.com' };
    await upsertBook(
      testDb.db,
      { customers: [customer], invoices: [invoice], payments: [] },
      'a.csv',
    );
  });

  afterAll(async () => {
    for (const child of workers) if (child.exitCode === null) child.kill('SIGKILL');
    await connection.close();
    await smtp.stop();
    await stripe.stop();
    await testDb.close();
  });

  it('sends nothing twice after a restart', async () => {
    const definition = compileQuickScenario(3, 2);
    await publishDefinition(testDb.db, definition);
    const first = startWorker();
    const client = new Client({ connection });
    const deps = { db: testDb.db, client, taskQueue, logger: createLogger('test', 'silent') };
    const [target] = await allOpenInvoices(testDb.db, TODAY);
    if (target === undefined) throw new Error('invoice 0001 is not open');
    expect(await startRun(deps, definition, target)).toBe(true);

    // The first reminder is sent and its outbox entry completed: the worker dies right after.
    await waitUntil(async () => (await outboxStatus('0001:first:1')) === 'completed');
    const killed = once(first, 'exit');
    first.kill('SIGKILL');
    await killed;

    const second = startWorker();
    const handle = client.workflow.getHandle(dunningWorkflowId('0001'));
    expect(await handle.result()).toBe('escalated');
    const stopped = once(second, 'exit');
    second.kill('SIGTERM');
    await stopped;

    const subjects = smtp.messages({ to: 'c1@example.com' }).map((mail) => mail.subject);
    expect(subjects.sort()).toEqual([
      'Invoice 0001 is overdue',
      'Second reminder for invoice 0001',
    ]);
    const types = (await listEvents(testDb.db, '0001')).map((event) => event.type);
    expect(types.filter((type) => type === 'email.sent')).toHaveLength(2);
    expect(types.filter((type) => type === 'paymentLink.created')).toHaveLength(1);
    expect(await listTasks(testDb.db, { invoiceId: '0001' })).toHaveLength(1);
  }, 240_000);

  async function outboxStatus(key: string): Promise<string | undefined> {
    const row = await testDb.db.kysely
      .selectFrom('outbox')
      .select('status')
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    return row?.status;
  }
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`condition not met within ${String(timeoutMs)} ms`);
}
