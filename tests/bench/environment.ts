import { cpus, loadavg, totalmem } from 'node:os';
import { DEFAULT_TEST_SERVER_URL, openDatabase } from '@dunflow/db';

/** The machine and software a benchmark ran on. */
export interface Environment {
  machine: string;
  node: string;
  postgresql: string;
}

/** Describes this machine, this Node.js, and the PostgreSQL server the test databases live on. */
export async function describeEnvironment(): Promise<Environment> {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  const memory = Math.round(totalmem() / 2 ** 30);
  return {
    machine: `${cores.length} x ${model}, ${memory} GiB`,
    node: process.version,
    postgresql: await postgresqlVersion(),
  };
}

/** Returns the 1, 5 and 15 minute load averages, e.g. `5.61 5.80 6.02`. */
export function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}

async function postgresqlVersion(): Promise<string> {
  const url = process.env['TEST_DATABASE_URL'] ?? DEFAULT_TEST_SERVER_URL;
  const db = openDatabase({ url, poolSize: 1 });
  try {
    const result = await db.pool.query<{ server_version: string }>('show server_version');
    return result.rows[0]?.server_version ?? 'unknown';
  } finally {
    await db.close();
  }
}
