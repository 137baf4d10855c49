import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../testing/provided-context';
import type { RunView } from '@dunflow/engine/interpreter';
import { quickScenario } from '../testing/quick-scenario';
import { dunningWorkflowId } from '../workflows/dunning-input';
import {
  bookCsv,
  call,
  importCsv,
  startApiTest,
  waitUntil,
  type ApiTestContext,
} from './api-test-support';

interface PublishReply {
  hash: string;
  scenarioId: string;
  created: boolean;
  publishedAt: string;
}

interface RunsReply {
  scenarioHash: string;
  started: string[];
  alreadyStarted: string[];
  notEligible: string[];
  counts: { open: number; started: number; alreadyStarted: number; notEligible: number };
}

interface WorkflowReply {
  run: { status: string; scenarioHash: string; invoiceId: string };
  execution: { status: string; runId: string } | null;
  view: RunView | null;
  events: { type: string; nodeId?: string }[];
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
  {
    id: '0002',
    customerId: 'C1',
    email: 'c1@example.com',
    issuedDaysAgo: 50,
    dueDaysAgo: 20,
    amount: '50.00',
    settledDaysAgo: 10,
  },
  {
    id: '0003',
    customerId: 'C2',
    email: 'c2@example.com',
    issuedDaysAgo: 40,
    dueDaysAgo: 10,
    amount: '70.00',
  },
]);

/** The quick scenario with a 30-second gap, so its runs are still waiting while tests look. */
const SLOW_SCENARIO = quickScenario(30, 30);

function brokenScenario() {
  const nodes = SLOW_SCENARIO.nodes.map((node) =>
    node.id === 'gap' ? { ...node, data: { anchor: 'previous', delay: '1 month' } } : node,
  );
  return { ...SLOW_SCENARIO, id: 'broken', nodes };
}

describe('scenario routes', () => {
  let api: ApiTestContext;

  beforeAll(async () => {
    api = await startApiTest(inject('temporalAddress'));
    expect((await importCsv(api.app, BOOK)).status).toBe(200);
  });

  afterAll(async () => {
    for (const invoiceId of ['0001', '0003']) {
      await api.stack.client.workflow
        .getHandle(dunningWorkflowId(invoiceId))
        .terminate('test finished')
        .catch(() => undefined);
    }
    await api.stop();
  });

  it('publishes a scenario once per hash', async () => {
    const first = await call<PublishReply>(api.app, 'POST', '/scenarios', SLOW_SCENARIO);
    expect(first.status).toBe(201);
    expect(first.body.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.body).toMatchObject({ scenarioId: 'quick', created: true });

    const again = await call<PublishReply>(api.app, 'POST', '/scenarios', SLOW_SCENARIO);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ hash: first.body.hash, created: false });
  });

  it('returns compile errors unchanged', async () => {
    const { status, body } = await call(api.app, 'POST', '/scenarios', brokenScenario());
    expect(status).toBe(422);
    expect(body.error.code).toBe('scenarioInvalid');
    expect(body.error.message).toContain("scenario 'broken' does not compile (1 error)");
    expect(body.error.issues).toEqual([
      {
        code: 'delay.invalid',
        path: 'nodes[2].data.delay',
        message:
          "wait node 'gap': delay '1 month' is invalid because it uses months, whose length varies; use days, e.g. 'P30D'",
        fix: "use days, e.g. 'P30D'",
        nodeId: 'gap',
      },
    ]);
    const versions = await call(api.app, 'GET', '/scenarios/broken/versions');
    expect(versions.status).toBe(404);
  });

  it('rejects a body that is not a scenario', async () => {
    const { status, body } = await call(api.app, 'POST', '/scenarios', [1, 2]);
    expect(status).toBe(422);
    expect(body.error.code).toBe('scenarioInvalid');
    expect(body.error.message).toContain('the scenario does not compile');
    expect(body.error.issues?.length).toBeGreaterThan(0);
  });

  it('rejects a body that is not JSON', async () => {
    const { status, body } = await call(api.app, 'POST', '/scenarios', '{"id": ', {
      'Content-Type': 'application/json',
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalidJson');
  });

  it('lists the published versions', async () => {
    const other = { ...SLOW_SCENARIO, name: 'Quick flow, renamed' };
    const renamed = await call<PublishReply>(api.app, 'POST', '/scenarios', other);
    expect(renamed.status).toBe(201);
    const { status, body } = await call<{ versions: PublishReply[] }>(
      api.app,
      'GET',
      '/scenarios/quick/versions',
    );
    expect(status).toBe(200);
    expect(body.versions).toHaveLength(2);
    expect(body.versions[0]?.hash).toBe(renamed.body.hash);
  });

  it('returns 404 for a scenario never published', async () => {
    const { status, body } = await call(api.app, 'POST', '/scenarios/unknown/runs');
    expect(status).toBe(404);
    expect(body.error.message).toBe(
      "scenario 'unknown' not found; publish it first with POST /scenarios",
    );
  });

  it('starts runs on the open invoices once', async () => {
    const { status, body } = await call<RunsReply>(api.app, 'POST', '/scenarios/quick/runs', {});
    expect(status).toBe(200);
    expect(body.started).toEqual(['0001', '0003']);
    expect(body.counts).toEqual({ open: 2, started: 2, alreadyStarted: 0, notEligible: 0 });

    const again = await call<RunsReply>(api.app, 'POST', '/scenarios/quick/runs');
    expect(again.body.alreadyStarted).toEqual(['0001', '0003']);
    expect(again.body.counts.started).toBe(0);
  });

  it('rejects an invalid asOf for runs', async () => {
    const { status, body } = await call(api.app, 'POST', '/scenarios/quick/runs', {
      asOf: '31/03/2026',
    });
    expect(status).toBe(400);
    expect(body.error.issues?.[0]?.message).toBe(
      "field asOf '31/03/2026' is invalid: expected a date as YYYY-MM-DD, e.g. 2026-03-31",
    );
  });

  it('shows the live run view and the history', async () => {
    const read = () => call<WorkflowReply>(api.app, 'GET', '/invoices/0001/workflow');
    await waitUntil(async () => (await read()).body.view?.currentNodeId === 'gap', 'run at gap');
    const { status, body } = await read();

    expect(status).toBe(200);
    expect(body.run).toMatchObject({ status: 'running', invoiceId: '0001' });
    expect(body.execution?.status).toBe('RUNNING');
    expect(body.view?.status).toBe('running');
    expect(body.view?.nextAction?.nodeId).toBe('link');
    expect(Date.parse(body.view?.nextAction?.at ?? '')).toBeGreaterThan(Date.now());
    const first = body.view?.actions.find((action) => action.nodeId === 'first');
    expect(first?.outcome).toBe('completed');
    expect(body.events.map((event) => event.type)).toContain('email.sent');

    const detail = await call<{ workflowRun: { status: string } }>(
      api.app,
      'GET',
      '/invoices/0001',
    );
    expect(detail.body.workflowRun.status).toBe('running');
  });
});
