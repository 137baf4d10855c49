import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../testing/provided-context';
import type { RunView } from '@dunflow/engine/interpreter';
import { quickScenario } from '../testing/quick-scenario';
import { dunningWorkflowId } from '../workflows/dunning-input';
import {
  bookCsv,
  call,
  daysAgo,
  importCsv,
  startApiTest,
  waitUntil,
  type ApiTestContext,
} from './api-test-support';

interface WorkflowReply {
  run: { status: string; outcome?: string };
  view: RunView | null;
}

const BOOK = bookCsv([
  {
    id: '0001',
    customerId: 'C1',
    email: 'c1@example.com',
    issuedDaysAgo: 60,
    dueDaysAgo: 30,
    amount: '123.45',
  },
]);

/** An invoice imported after the runs started, so it has no workflow. */
const LATE_BOOK = bookCsv([
  { id: '0002', customerId: 'C1', issuedDaysAgo: 10, dueDaysAgo: 1, amount: '40.00' },
]);

describe('operator actions on a running workflow', () => {
  let api: ApiTestContext;
  const act = (action: string, body?: unknown, invoiceId = '0001') =>
    call(api.app, 'POST', `/invoices/${invoiceId}/${action}`, body);
  const view = async () =>
    (await call<WorkflowReply>(api.app, 'GET', '/invoices/0001/workflow')).body.view;
  const pausedFor = async () => (await view())?.pausedFor.join(',');

  beforeAll(async () => {
    api = await startApiTest(inject('temporalAddress'));
    expect((await importCsv(api.app, BOOK)).status).toBe(200);
    expect((await call(api.app, 'POST', '/scenarios', quickScenario(30, 30))).status).toBe(201);
    expect((await call(api.app, 'POST', '/scenarios/quick/runs')).status).toBe(200);
    expect((await importCsv(api.app, LATE_BOOK)).status).toBe(200);
    await waitUntil(async () => (await view())?.currentNodeId === 'gap', 'run at gap');
  });

  afterAll(async () => {
    await api.stack.client.workflow
      .getHandle(dunningWorkflowId('0001'))
      .terminate('test finished')
      .catch(() => undefined);
    await api.stop();
  });

  it('rejects actions the run state rules out', async () => {
    const resume = await act('resume');
    expect(resume.status).toBe(409);
    expect(resume.body.error.message).toBe("invoice '0001': the run is not paused");

    const resolve = await act('disputes/resolve', { resolution: 'resume' });
    expect(resolve.status).toBe(409);
    expect(resolve.body.error.message).toBe("invoice '0001': no dispute is open");
  });

  it('pauses the run for a promise to pay', async () => {
    const promisedDate = daysAgo(-7);
    const { status, body } = await act('promise-to-pay', { promisedDate });
    expect(status).toBe(202);
    expect(body).toEqual({
      invoiceId: '0001',
      workflowId: 'dunning-0001',
      signal: 'promiseToPay',
      promisedDate,
    });
    await waitUntil(async () => (await pausedFor()) === 'promise', 'paused for the promise');
    const current = await view();
    expect(current?.status).toBe('paused');
    expect(current?.promisedDate).toBe(promisedDate);
    expect(current?.nextAction?.type).toBe('promiseDeadline');
  });

  it('adds and resolves a dispute', async () => {
    expect((await act('disputes', { reason: 'wrong quantity' })).status).toBe(202);
    await waitUntil(
      async () => (await pausedFor()) === 'promise,dispute',
      'paused for the dispute',
    );

    expect((await act('disputes/resolve', { resolution: 'resume' })).status).toBe(202);
    await waitUntil(async () => (await pausedFor()) === 'promise', 'dispute resolved');
  });

  it('pauses and resumes by hand', async () => {
    expect((await act('pause', { reason: 'customer called' })).status).toBe(202);
    await waitUntil(async () => (await pausedFor()) === 'promise,manual', 'paused by hand');

    expect((await act('resume')).status).toBe(202);
    await waitUntil(async () => (await pausedFor()) === 'promise', 'manual pause ended');

    const again = await act('resume');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      "invoice '0001': the run is not paused by hand; it waits for: promise",
    );
  });

  it('rejects invalid bodies', async () => {
    const past = await act('promise-to-pay', { promisedDate: '2000-01-01' });
    expect(past.status).toBe(422);
    expect(past.body.error.message).toBe(
      `promisedDate '2000-01-01' is before today, ${daysAgo(0)}`,
    );

    const farAhead = daysAgo(-400);
    const tooFar = await act('promise-to-pay', { promisedDate: farAhead });
    expect(tooFar.status).toBe(422);
    expect(tooFar.body.error.message).toBe(
      `promisedDate '${farAhead}' is more than 365 days ahead`,
    );

    const missing = await act('promise-to-pay', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('field promisedDate is missing');

    const resolution = await act('disputes/resolve', { resolution: 'drop' });
    expect(resolution.status).toBe(400);
    expect(resolution.body.error.message).toBe(
      "field resolution 'drop' is invalid: expected resume or cancelInvoice",
    );

    const notAnObject = await act('pause', [1]);
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.body.error.message).toContain('the body [1] is invalid');
  });

  it('returns 404 for an unknown invoice', async () => {
    const { status, body } = await act('pause', {}, '9999');
    expect(status).toBe(404);
    expect(body.error.code).toBe('invoiceNotFound');
  });

  it('returns 409 for an invoice without a workflow', async () => {
    const { status, body } = await act('pause', {}, '0002');
    expect(status).toBe(409);
    expect(body.error.code).toBe('noRunningWorkflow');
    expect(body.error.message).toBe(
      "invoice '0002' has no running dunning workflow, so the pause signal was not sent",
    );
  });

  it('cancel ends run, then 409', async () => {
    expect((await act('cancel', { reason: 'written off by hand' })).status).toBe(202);
    const handle = api.stack.client.workflow.getHandle(dunningWorkflowId('0001'));
    expect(await handle.result()).toBe('cancelled');
    const recorded = async () =>
      (await call<WorkflowReply>(api.app, 'GET', '/invoices/0001/workflow')).body.run.status ===
      'cancelled';
    await waitUntil(recorded, 'run recorded as cancelled');

    const { status, body } = await act('resume');
    expect(status).toBe(409);
    expect(body.error.code).toBe('noRunningWorkflow');
  });
});
