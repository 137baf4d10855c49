import type { LocalDate, SegmentationRuleSet } from '@dunflow/model';
import { sql } from 'kysely';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import { checkLocalDate } from '../local-date';
import { invoiceFactsOn } from './invoice-facts-query';
import { compileSegmentCase, invoiceFactColumns } from './segment-sql';

/** The open invoices of one segment. */
export interface SegmentTotal {
  segmentId: string;
  count: number;
  /** Open amount in minor units, by currency code, because currencies do not add up. */
  openAmountMinor: Record<string, number>;
}

/**
 * Counts the open invoices on `asOf` (issued by then, open amount above 0) per segment of the
 * rule set, with their open amounts, in one SQL query. Every segment of the rule set appears
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
  const kysely = kyselyOf(db);
  const segment = compileSegmentCase(ruleSet, invoiceFactColumns('facts'));
  const rows = await kysely
    .selectFrom(invoiceFactsOn(kysely, asOf).as('facts'))
    .select([
      segment.as('segment_id'),
      'facts.currency',
      sql<number>`count(*)`.as('count'),
      sql<number>`sum(facts.open_minor)`.as('open_minor'),
    ])
    .groupBy([sql`1`, 'facts.currency'])
    .execute();

  const totals = new Map(segmentIds(ruleSet).map((id) => [id, emptyTotal(id)]));
  for (const row of rows) {
    const total = totals.get(row.segment_id) ?? emptyTotal(row.segment_id);
    total.count += row.count;
    total.openAmountMinor[row.currency] = row.open_minor;
    totals.set(row.segment_id, total);
  }
  return [...totals.values()];
}

/** Returns the segment ids of a rule set in order, the default segment last, each once. */
export function segmentIds(ruleSet: SegmentationRuleSet): string[] {
  return [...new Set([...ruleSet.segments.map((segment) => segment.id), ruleSet.defaultSegment])];
}

function emptyTotal(segmentId: string): SegmentTotal {
  return { segmentId, count: 0, openAmountMinor: {} };
}
