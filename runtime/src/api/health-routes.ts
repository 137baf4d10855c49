import type { ApiApp, ApiDependencies } from './api-dependencies';
import { ApiError } from './api-error';

/** Adds `GET /health`: 200 while the API responds and its database accepts queries, else 503. */
export function registerHealthRoutes(app: ApiApp, deps: ApiDependencies): void {
  app.get('/health', async (c) => {
    try {
      await deps.db.pool.query('select 1');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiError(503, 'databaseUnavailable', `the database is unavailable: ${reason}`, {
        fix: 'check that PostgreSQL is running and that DATABASE_URL points to it',
        cause: error,
      });
    }
    return c.json({ status: 'ok' });
  });
}
