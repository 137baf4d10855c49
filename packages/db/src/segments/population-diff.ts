import type { LocalDate, SegmentationRuleSet } from '@dunflow/model';
import { sql } from 'kysely';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import { checkInteger, checkLocalDate } from '../local-date';
import { invoiceFactColumns } from './fact-columns';
import { invoiceFactsOn } from './invoice-facts-query';
import { compileSegmentCase, segmentIdAt } from './segment-sql';
import { withoutJit } from './without-jit';

/** Open invoices that fall in segment `from` under one rule set and in `to` under the other. */
export interface SegmentMove {
  from: string;
  to: string;
  /** Every invoice of the move. */
  count: number;
  /** One page of the move's invoice ids in id order: `limit` ids after the first `offset`. */
  invoiceIds: string[];
}

export interface PopulationDiff {
  /** Moves between different segment ids, largest first, then by `from` and `to`. */
  moves: SegmentMove[];
  /** Open invoices whose segment id is the same under both rule sets. */
  unchanged: number;
  /** Open invoices on the date. */
  total: number;
}

export interface PopulationDiffOptions {
  /** Invoice ids listed per move, from 0 to 10,000; default 20. */
  limit?: number;
  /** Invoice ids skipped per move before the listed ones, 0 or more; default 0. */
  offset?: number;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 10_000;

/**
 * Compares the segments of the open invoices on `asOf` under rule set `before` and rule set
 * `after`, in one SQL query: how many invoices move from which segment to which, with one
 * page of the ids of each move. Raises InvalidRuleError when a rule set fails checkRuleSet,
 * and InvalidArgumentError on an invalid date, limit or offset.
 */
export async function populationDiff(
  db: Queryable,
  before: SegmentationRuleSet,
  after: SegmentationRuleSet,
  asOf: LocalDate,
  options: PopulationDiffOptions = {},
): Promise<PopulationDiff> {
  checkLocalDate('asOf', asOf);
  const { limit = DEFAULT_LIMIT, offset = 0 } = options;
  checkInteger('limit', limit, 0, MAX_LIMIT);
  checkInteger('offset', offset, 0, Number.MAX_SAFE_INTEGER - MAX_LIMIT);

  const page = { limit, offset };
  const rows = await withoutJit(db, (trx) => moveQuery(trx, before, after, asOf, page).execute());
  const named = rows.map((row) => ({
    from: segmentIdAt(before, row.from),
    to: segmentIdAt(after, row.to),
    count: row.count,
    invoiceIds: row.invoice_ids ?? [],
  }));
  return summarize(named);
}

/** Counts the invoices per pair of segment positions, numbering each pair's invoices by id. */
function moveQuery(
  db: Queryable,
  before: SegmentationRuleSet,
  after: SegmentationRuleSet,
  asOf: string,
  page: { limit: number; offset: number },
) {
  const kysely = kyselyOf(db);
  const columns = invoiceFactColumns('facts');
  const paired = kysely
    .selectFrom(invoiceFactsOn(kysely, asOf).as('facts'))
    .select([
      'facts.id',
      compileSegmentCase(before, columns).as('from'),
      compileSegmentCase(after, columns).as('to'),
    ]);
  const numbered = kysely
    .selectFrom(paired.as('pair'))
    .select([
      'pair.id',
      'pair.from',
      'pair.to',
      sql<number>`row_number() over (partition by pair.from, pair.to order by pair.id)`.as('rank'),
    ]);
  const first = page.offset;
  const last = page.offset + page.limit;
  return kysely
    .selectFrom(numbered.as('move'))
    .select([
      'move.from',
      'move.to',
      sql<number>`count(*)::int`.as('count'),
      sql<string[] | null>`array_agg(move.id order by move.id)
        filter (where move.rank > ${first}::bigint and move.rank <= ${last}::bigint)`.as(
        'invoice_ids',
      ),
    ])
    .groupBy(['move.from', 'move.to']);
}

function summarize(rows: readonly SegmentMove[]): PopulationDiff {
  const moves = rows
    .filter((row) => row.from !== row.to)
    .sort((a, b) => b.count - a.count || compareText(a.from, b.from) || compareText(a.to, b.to));
  const unchanged = rows
    .filter((row) => row.from === row.to)
    .reduce((sum, row) => sum + row.count, 0);
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return { moves, unchanged, total };
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
