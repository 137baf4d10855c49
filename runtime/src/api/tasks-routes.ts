import { z } from 'zod';
import { listTasks } from '@dunflow/db';
import type { ApiApp, ApiDependencies } from './api-dependencies';
import { enumParam, IdParam } from './query-params';
import { parseQuery } from './request-input';

const TaskQuery = z.strictObject({
  status: enumParam(['open', 'done', 'cancelled']).optional(),
  invoiceId: IdParam.optional(),
});

/** Adds `GET /tasks`: the collectors' tasks by due date, filtered by status and invoice. */
export function registerTaskRoutes(app: ApiApp, deps: ApiDependencies): void {
  app.get('/tasks', async (c) => {
    const { status, invoiceId } = parseQuery(c, TaskQuery);
    const tasks = await listTasks(deps.db, {
      ...(status === undefined ? {} : { status }),
      ...(invoiceId === undefined ? {} : { invoiceId }),
    });
    return c.json({ tasks });
  });
}
