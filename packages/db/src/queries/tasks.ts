import type { Selectable } from 'kysely';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import type { TaskStatus, TasksTable } from '../database-schema';
import { NotFoundError } from '../errors';

export interface NewTask {
  /** Derived from invoice, node and occurrence, so a retried activity creates one task. */
  idempotencyKey: string;
  invoiceId: string;
  title: string;
  /** `YYYY-MM-DD`. */
  dueOn: string;
}

/** A collector's task on an invoice. */
export interface Task extends NewTask {
  id: number;
  status: TaskStatus;
  createdAt: string;
}

/** Creates a task once per idempotency key; a repeated key returns the stored task. */
export async function createTask(
  db: Queryable,
  task: NewTask,
): Promise<{ task: Task; created: boolean }> {
  const kysely = kyselyOf(db);
  const inserted = await kysely
    .insertInto('tasks')
    .values({
      idempotency_key: task.idempotencyKey,
      invoice_id: task.invoiceId,
      title: task.title,
      due_on: task.dueOn,
    })
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { task: rowToTask(inserted), created: true };

  const stored = await kysely
    .selectFrom('tasks')
    .selectAll()
    .where('idempotency_key', '=', task.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { task: rowToTask(stored), created: false };
}

/** Tasks by due date, filtered by invoice and status when given. */
export async function listTasks(
  db: Queryable,
  filter: { invoiceId?: string; status?: TaskStatus } = {},
): Promise<Task[]> {
  const { invoiceId, status } = filter;
  const rows = await kyselyOf(db)
    .selectFrom('tasks')
    .selectAll()
    .$if(invoiceId !== undefined, (query) => query.where('invoice_id', '=', invoiceId ?? ''))
    .$if(status !== undefined, (query) => query.where('status', '=', status ?? 'open'))
    .orderBy('due_on')
    .orderBy('id')
    .execute();
  return rows.map(rowToTask);
}

/** Sets the status of a task, e.g. `done` when the collector completed it. */
export async function updateTaskStatus(
  db: Queryable,
  id: number,
  status: TaskStatus,
): Promise<Task> {
  const row = await kyselyOf(db)
    .updateTable('tasks')
    .set({ status })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row)
    throw new NotFoundError('tasks', String(id), `task ${id} not found; list tasks for its id`);
  return rowToTask(row);
}

function rowToTask(row: Selectable<TasksTable>): Task {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    invoiceId: row.invoice_id,
    title: row.title,
    dueOn: row.due_on,
    status: row.status,
    createdAt: row.created_at,
  };
}
