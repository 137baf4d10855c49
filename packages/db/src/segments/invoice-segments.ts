import type { LocalDate, SegmentationRuleSet } from '@dunflow/model';
import type { Queryable } from '../database';
import { checkLocalDate } from '../local-date';
import { invoiceFactColumns } from './fact-columns';
import { invoiceFactsOn } from './invoice-facts-query';
import { compileSegmentCase, segmentIdAt } from './segment-sql';
import { withoutJit } from './without-jit';

/** The segment of one open invoice. */
export interface InvoiceSegment {
  invoiceId: string;
  segmentId: string;
}

/**
 * Returns the segment of every open invoice on `asOf` (issued by then, open amount above 0),
 * ordered by invoice id, from one SQL query. Raises InvalidRuleError when the rule set fails
 * checkRuleSet, and InvalidArgumentError on a date that is not `YYYY-MM-DD`.
 */
export async function invoiceSegments(
  db: Queryable,
  ruleSet: SegmentationRuleSet,
  asOf: LocalDate,
): Promise<InvoiceSegment[]> {
  checkLocalDate('asOf', asOf);
  const segment = compileSegmentCase(ruleSet, invoiceFactColumns('facts'));

  const rows = await withoutJit(db, (trx) =>
    trx
      .selectFrom(invoiceFactsOn(trx, asOf).as('facts'))
      .select(['facts.id', segment.as('segment')])
      .orderBy('facts.id')
      .execute(),
  );
  return rows.map((row) => ({ invoiceId: row.id, segmentId: segmentIdAt(ruleSet, row.segment) }));
}
