import type { LocalDate, SegmentationRuleSet } from '@dunflow/model';
import { sql } from 'kysely';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import { checkInteger, checkLocalDate } from '../local-date';
import { invoiceFactsOn } from './invoice-facts-query';
import { compileSegmentCase, invoiceFactColumns } from './segment-sql';

/** Open invoices that fall in segment `from` under one rule set and `to` under the other. */
export interface SegmentMove {
  from: string;
  to: string;
  count: number;
  /** The first invoice ids of the move in id order, at most the `limit` option. */
  invoiceIds: string[];
}

export interface PopulationDiff {
  /** Moves between different segment ids, largest first. */
  moves: SegmentMove[];
  /** Open invoices whose segment id is the same under both rule sets. */
  unchanged: number;
  /** Open invoices on the date. */
  total: number;
}

export interface PopulationDiffOptions {
  /** Invoice ids listed per move, from 0 to 10,000; default 20. */
  limit?: number;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 10_000;

/**
 * Compares the segments of the open invoices on `asOf` under rule set `before` and rule set
 * `after`, in one SQL query, and returns how many invoices move from which segment to which
 * and the first ids of each move. Raises InvalidRuleError when a rule set fails
 * checkRuleSet, and InvalidArgumentError on an invalid date or limit.
 */
export async function populationDiff(
  db: Queryable,
  before: SegmentationRuleSet,
  after: SegmentationRuleSet,
  asOf: LocalDate,
  options: PopulationDiffOptions = {},
): Promise<PopulationDiff> {
  checkLocalDate('asOf', asOf);
  const limit = options.limit ?? DEFAULT_LIMIT;
  checkInteger('limit', limit, 0, MAX_LIMIT);
  const kysely = kyselyOf(db);
  const columns = invoiceFactColumns('facts');

  const rows = await kysely
    .selectFrom(invoiceFactsOn(kysely, asOf).as('facts'))
    .select([
      compileSegmentCase(before, columns).as('from'),
      compileSegmentCase(after, columns).as('to'),
      sql<number>`count(*)`.as('count'),
      sql<string[]>`(array_agg(facts.id order by facts.id))[1:${limit}::int]`.as('invoice_ids'),
    ])
    .groupBy([sql`1`, sql`2`])
    .execute();
  return summarize(rows);
}

type MoveRow = { from: string; to: string; count: number; invoice_ids: string[] | null };

function summarize(rows: readonly MoveRow[]): PopulationDiff {
  const moves = rows
    .filter((row) => row.from !== row.to)
    .map((row) => ({
      from: row.from,
      to: row.to,
      count: row.count,
      invoiceIds: row.invoice_ids ?? [],
    }))
    .sort((a, b) => b.count - a.count || compareText(a.from, b.from) || compareText(a.to, b.to));
  const unchanged = rows
    .filter((row) => row.from === row.to)
    .reduce((sum, row) => sum + row.count, 0);
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return { moves, unchanged, total };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
