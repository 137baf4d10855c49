import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { sampleBook, sampleInvoice } from '../sample-book';
import { sql } from 'kysely';
import { upsertBook } from './upsert-book';
import {
  getWorkflowRun,
  listWorkflowRuns,
  recordRunRestart,
  recordRunStart,
  updateRunStatus,
} from './workflow-runs';

let testDb: MigratedTestDatabase;
const hash = 'f'.repeat(64);

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
  await upsertBook(
    testDb.db,
    sampleBook([
      sampleInvoice('inv-1', '2026-03-01', 1000),
      sampleInvoice('inv-2', '2026-03-02', 2000),
    ]),
    'a.csv',
  );
  await sql`insert into scenario_versions (hash, scenario_id, name, definition)
    values (${hash}, 'default', 'Default', '{}')`.execute(testDb.db.kysely);
});

afterEach(async () => {
  await testDb.close();
});

const start = {
  workflowId: 'dunning-inv-1',
  invoiceId: 'inv-1',
  scenarioHash: hash,
  startedAt: '2026-04-01T08:00:00.000Z',
};

describe('recordRunStart', () => {
  it('records a start once', async () => {
    const first = await recordRunStart(testDb.db, start);
    const again = await recordRunStart(testDb.db, {
      ...start,
      startedAt: '2026-04-01T08:05:00.000Z',
    });
    expect(first).toEqual({ run: { ...start, status: 'running' }, created: true });
    expect(again).toEqual({ run: first.run, created: false });
  });

  it('rejects a run of an unpublished scenario', async () => {
    await expect(recordRunStart(testDb.db, { ...start, scenarioHash: 'unknown' })).rejects.toThrow(
      'foreign key',
    );
  });
});

describe('updateRunStatus', () => {
  it('records the end of a run', async () => {
    await recordRunStart(testDb.db, start);
    await updateRunStatus(testDb.db, start.workflowId, { status: 'paused' });
    const ended = await updateRunStatus(testDb.db, start.workflowId, {
      status: 'completed',
      outcome: 'paid',
      endedAt: '2026-04-20T10:00:00.000Z',
    });
    expect(ended).toEqual({
      ...start,
      status: 'completed',
      outcome: 'paid',
      endedAt: '2026-04-20T10:00:00.000Z',
    });
    expect(await getWorkflowRun(testDb.db, start.workflowId)).toEqual(ended);
  });

  it('raises NotFoundError for an unknown run', async () => {
    const update = updateRunStatus(testDb.db, 'dunning-missing', { status: 'failed' });
    await expect(update).rejects.toThrow(NotFoundError);
    await expect(update).rejects.toThrow("workflow run 'dunning-missing' not found");
  });
});

describe('recordRunRestart', () => {
  const restart = {
    workflowId: 'dunning-inv-1',
    scenarioHash: hash,
    startedAt: '2026-05-01T08:00:00.000Z',
  };

  it('reopens an ended run', async () => {
    await recordRunStart(testDb.db, start);
    await updateRunStatus(testDb.db, start.workflowId, {
      status: 'completed',
      outcome: 'escalated',
      endedAt: '2026-04-20T08:00:00.000Z',
    });
    const reopened = await recordRunRestart(testDb.db, restart);
    expect(reopened).toEqual({ ...start, startedAt: restart.startedAt, status: 'running' });
  });

  it('leaves a running run alone', async () => {
    await recordRunStart(testDb.db, start);
    expect(await recordRunRestart(testDb.db, restart)).toBeUndefined();
    expect((await getWorkflowRun(testDb.db, start.workflowId))?.startedAt).toBe(start.startedAt);
  });
});

describe('listWorkflowRuns', () => {
  it('filters by invoice and status', async () => {
    await recordRunStart(testDb.db, start);
    await recordRunStart(testDb.db, { ...start, workflowId: 'dunning-inv-2', invoiceId: 'inv-2' });
    await updateRunStatus(testDb.db, 'dunning-inv-2', { status: 'cancelled' });

    const ofInvoice = await listWorkflowRuns(testDb.db, { invoiceId: 'inv-2' });
    const running = await listWorkflowRuns(testDb.db, { status: 'running' });
    expect(ofInvoice.map((run) => run.workflowId)).toEqual(['dunning-inv-2']);
    expect(running.map((run) => run.workflowId)).toEqual(['dunning-inv-1']);
    expect(await listWorkflowRuns(testDb.db)).toHaveLength(2);
  });
});
