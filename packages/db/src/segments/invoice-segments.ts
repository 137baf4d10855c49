import type { LocalDate, SegmentationRuleSet } from '@dunflow/model';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import { checkLocalDate } from '../local-date';
import { invoiceFactsOn } from './invoice-facts-query';
import { compileSegmentCase, invoiceFactColumns } from './segment-sql';

/** The segment of one open invoice. */
export interface InvoiceSegment {
  invoiceId: string;
  segmentId: string;
}

/**
 * Returns the segment of every open invoice on `asOf` (issued by then, open amount above 0),
 * ordered by invoice id, from one SQL query; `segmentId` narrows the list to one segment.
 * Raises InvalidRuleError when the rule set fails checkRuleSet, and InvalidArgumentError on a
 * date that is not `YYYY-MM-DD`.
 */
export async function invoiceSegments(
  db: Queryable,
  ruleSet: SegmentationRuleSet,
  asOf: LocalDate,
  options: { segmentId?: string } = {},
): Promise<InvoiceSegment[]> {
  checkLocalDate('asOf', asOf);
  const kysely = kyselyOf(db);
  const segment = compileSegmentCase(ruleSet, invoiceFactColumns('facts'));
  const { segmentId } = options;

  const rows = await kysely
    .selectFrom(invoiceFactsOn(kysely, asOf).as('facts'))
    .select(['facts.id', segment.as('segment_id')])
    .$if(segmentId !== undefined, (query) => query.where(segment, '=', segmentId ?? ''))
    .orderBy('facts.id')
    .execute();
  return rows.map((row) => ({ invoiceId: row.id, segmentId: row.segment_id }));
}
