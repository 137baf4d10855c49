import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { sampleBook, sampleInvoice } from '../sample-book';
import { createTask, listTasks, updateTaskStatus } from './tasks';
import { upsertBook } from './upsert-book';

let testDb: MigratedTestDatabase;

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
  await upsertBook(
    testDb.db,
    sampleBook([
      sampleInvoice('inv-1', '2026-03-01', 1000),
      sampleInvoice('inv-2', '2026-03-01', 500),
    ]),
    'a.csv',
  );
});

afterEach(async () => {
  await testDb.close();
});

const newTask = {
  idempotencyKey: 'inv-1/call-1/1',
  invoiceId: 'inv-1',
  title: 'Call the debtor',
  dueOn: '2026-04-03',
};

describe('createTask', () => {
  it('creates a task once per key', async () => {
    const first = await createTask(testDb.db, newTask);
    const again = await createTask(testDb.db, { ...newTask, title: 'Retried' });
    expect(first.created).toBe(true);
    expect(first.task).toMatchObject({ ...newTask, status: 'open' });
    expect(typeof first.task.id).toBe('number');
    expect(again).toEqual({ task: first.task, created: false });
  });
});

describe('listTasks', () => {
  it('lists tasks by due date with filters', async () => {
    await createTask(testDb.db, newTask);
    const { task } = await createTask(testDb.db, {
      ...newTask,
      idempotencyKey: 'inv-2/call-1/1',
      invoiceId: 'inv-2',
      dueOn: '2026-04-01',
    });
    await updateTaskStatus(testDb.db, task.id, 'done');

    expect((await listTasks(testDb.db)).map((listed) => listed.invoiceId)).toEqual([
      'inv-2',
      'inv-1',
    ]);
    expect(await listTasks(testDb.db, { status: 'open' })).toHaveLength(1);
    expect(await listTasks(testDb.db, { invoiceId: 'inv-2', status: 'done' })).toHaveLength(1);
  });
});

describe('updateTaskStatus', () => {
  it('raises NotFoundError for an unknown task', async () => {
    await expect(updateTaskStatus(testDb.db, 999, 'done')).rejects.toThrow(NotFoundError);
  });
});
