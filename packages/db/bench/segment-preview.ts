import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { CompiledQuery, Kysely } from 'kysely';
import {
  createTestDatabase,
  migrate,
  openDatabase,
  segmentPreview,
  segmentPreviewQuery,
} from '../src/index';
import type { Database, DatabaseSchema } from '../src/index';
import { withoutJit } from '../src/segments/without-jit';
import { BENCH_RULE_SET } from './bench-rule-set';
import { BENCH_AS_OF, generateBook } from './generate-book';

/*
 * Benchmarks segmentPreview over a generated book of 1,000,000 invoices in a new database on
 * the server of TEST_DATABASE_URL (default postgres://root@127.0.0.1:5432/postgres), which is
 * dropped at the end. Prints the medians, the plan and the indexes the plan uses.
 * Run with `pnpm bench` in packages/db.
 */

const SIZE = { customers: 50_000, invoices: 1_000_000 };
const SEED = 0.42;
const RUNS = 9;

async function main(): Promise<void> {
  const testDatabase = await createTestDatabase();
  const db = openDatabase({ url: testDatabase.url, poolSize: 2 });
  try {
    await migrate(db);
    await fillBook(testDatabase.url);
    await report(db);
  } finally {
    await db.close();
    await testDatabase.drop();
  }
}

async function fillBook(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    const counts = await generateBook(client, SIZE, SEED);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`generated in ${seconds} s (seed ${SEED}): ${JSON.stringify(counts)}`);
  } finally {
    await client.end();
  }
}

async function report(db: Database): Promise<void> {
  const version = await db.pool.query<{ version: string }>('select version()');
  console.log(`PostgreSQL: ${version.rows[0]?.version ?? 'unknown'}`);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const memory = Math.round(totalmem() / 2 ** 30);
  console.log(`machine: ${cpus().length} x ${cpu}, ${memory} GiB, Node ${process.version}`);
  console.log(`load average before: ${formatLoad()}`);

  const query = segmentPreviewQuery(db, BENCH_RULE_SET, BENCH_AS_OF).compile();
  const count = await timeRuns(() => db.pool.query('select count(*) from invoices'));
  const preview = await timeRuns(() => segmentPreview(db, BENCH_RULE_SET, BENCH_AS_OF));
  const withJit = await timeRuns(() => db.pool.query(query.sql, [...query.parameters]));
  console.log(`count(*) over invoices: ${formatRuns(count)}`);
  console.log(`segmentPreview: ${formatRuns(preview)}`);
  console.log(`same query with the server's JIT setting: ${formatRuns(withJit)}`);
  console.log(
    `ratio of medians, preview / count(*): ${(median(preview) / median(count)).toFixed(1)}`,
  );
  console.log(`load average after: ${formatLoad()}`);

  const totals = await segmentPreview(db, BENCH_RULE_SET, BENCH_AS_OF);
  for (const total of totals) {
    console.log(`  ${total.segmentId}: ${total.count} ${JSON.stringify(total.openAmountMinor)}`);
  }

  const plan = await withoutJit(db, (trx) => explainText(trx, query));
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) with jit off:\n${plan}`);
  console.log(`indexes used: ${(await indexesUsed(db, query)).join(', ') || 'none'}`);
}

/** Runs `work` once to warm the caches, then RUNS times; returns the times in ms, sorted. */
async function timeRuns(work: () => Promise<unknown>): Promise<number[]> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

function median(sorted: readonly number[]): number {
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function formatRuns(sorted: readonly number[]): string {
  const [min, max] = [sorted[0] ?? Number.NaN, sorted[sorted.length - 1] ?? Number.NaN];
  return `median ${median(sorted).toFixed(1)} ms (min ${min.toFixed(1)}, max ${max.toFixed(1)}, ${sorted.length} runs)`;
}

function formatLoad(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}

async function explainText(db: Kysely<DatabaseSchema>, query: CompiledQuery): Promise<string> {
  const explain = { ...query, sql: `explain (analyze, buffers) ${query.sql}` };
  const result = await db.executeQuery<{ 'QUERY PLAN': string }>(explain);
  return result.rows.map((row) => row['QUERY PLAN']).join('\n');
}

async function indexesUsed(db: Database, query: CompiledQuery): Promise<string[]> {
  const result = await db.pool.query<{ 'QUERY PLAN': unknown }>(
    `explain (format json) ${query.sql}`,
    [...query.parameters],
  );
  const names = new Set<string>();
  collectIndexNames(result.rows[0]?.['QUERY PLAN'], names);
  return [...names].sort();
}

function collectIndexNames(node: unknown, names: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectIndexNames(item, names);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'Index Name' && typeof value === 'string') names.add(value);
    else collectIndexNames(value, names);
  }
}

await main();
