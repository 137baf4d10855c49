import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Queryable } from '../database';
import { inTransaction } from '../database';
import type { DatabaseSchema } from '../database-schema';

/**
 * Runs `work` with PostgreSQL's JIT compiler off, in a new transaction, or in the caller's
 * transaction with the previous setting restored after `work` succeeds. The segment queries'
 * plan costs pass jit_above_cost, but compiling takes longer than it saves: in the benchmark
 * of docs/benchmarks/segment-preview.md (PostgreSQL 15, 1,000,000 invoices), the preview
 * took a median of 2.6 s with JIT and 1.7 s without.
 */
export async function withoutJit<T>(
  db: Queryable,
  work: (trx: Kysely<DatabaseSchema>) => Promise<T>,
): Promise<T> {
  return inTransaction(db, async (trx) => {
    const previous = await sql<{ jit: string }>`select current_setting('jit') as jit`.execute(trx);
    await sql`select set_config('jit', 'off', true)`.execute(trx);
    const result = await work(trx);
    // A failed query aborts the transaction, and its rollback discards the setting anyway.
    await sql`select set_config('jit', ${previous.rows[0]?.jit ?? 'on'}, true)`.execute(trx);
    return result;
  });
}
