import type { LocalDate, SegmentationRuleSet } from '@dunflow/model';
import { sql } from 'kysely';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import { checkLocalDate } from '../local-date';
import { invoiceFactColumns } from './fact-columns';
import { invoiceFactsOn } from './invoice-facts-query';
import { compileSegmentCase, segmentIdAt, segmentIds } from './segment-sql';
import { withoutJit } from './without-jit';

/** The open invoices of one segment. */
export interface SegmentTotal {
  segmentId: string;
  count: number;
  /** Open amount in minor units, by currency code, because currencies do not add up. */
  openAmountMinor: Record<string, number>;
}

/**
 * Counts the open invoices on `asOf` (issued by then, open amount above 0) per segment of the
 * rule set, with their open amounts per currency, in one SQL query. Every segment appears
 * once, in rule-set order and then the default segment, with zeros when it is empty. Raises
 * InvalidRuleError when the rule set fails checkRuleSet, and InvalidArgumentError on a date
 * that is not `YYYY-MM-DD`.
 */
export async function segmentPreview(
  db: Queryable,
  ruleSet: SegmentationRuleSet,
  asOf: LocalDate,
): Promise<SegmentTotal[]> {
  checkLocalDate('asOf', asOf);
  const rows = await withoutJit(db, (trx) => segmentPreviewQuery(trx, ruleSet, asOf).execute());

  const totals = new Map(segmentIds(ruleSet).map((id) => [id, emptyTotal(id)]));
  for (const row of rows) {
    const id = segmentIdAt(ruleSet, row.segment);
    const total = totals.get(id) ?? emptyTotal(id);
    total.count += row.count;
    total.openAmountMinor[row.currency] =
      (total.openAmountMinor[row.currency] ?? 0) + row.open_minor;
    totals.set(id, total);
  }
  return [...totals.values()];
}

/**
 * Builds the query behind segmentPreview: one row per segment position and currency, in that
 * order. Exported for EXPLAIN in the benchmark. Call segmentPreview to run it, which turns
 * the JIT compiler off first.
 */
export function segmentPreviewQuery(db: Queryable, ruleSet: SegmentationRuleSet, asOf: string) {
  const kysely = kyselyOf(db);
  const segment = compileSegmentCase(ruleSet, invoiceFactColumns('facts'));
  return kysely
    .selectFrom(invoiceFactsOn(kysely, asOf).as('facts'))
    .select([
      segment.as('segment'),
      'facts.currency',
      sql<number>`count(*)::int`.as('count'),
      sql<number>`sum(facts.open_minor)`.as('open_minor'),
    ])
    .groupBy([sql`1`, 'facts.currency'])
    .orderBy(sql`1`)
    .orderBy('facts.currency');
}

function emptyTotal(segmentId: string): SegmentTotal {
  return { segmentId, count: 0, openAmountMinor: {} };
}
