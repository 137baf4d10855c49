import { positionsOn } from './book-positions';
import type { AmountCount, KpiBook, KpiScope } from './kpi-book';
import { checkLocalDate, daysBetween } from './kpi-calendar';

/** Aging buckets by days past due, in display order: not due, 1-30, 31-60, 61-90, over 90. */
export const AGING_BUCKETS = [
  'notDue',
  'pastDue1To30',
  'pastDue31To60',
  'pastDue61To90',
  'pastDueOver90',
] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Open amount and open invoice count per aging bucket. */
export type AgingBuckets = Record<AgingBucket, AmountCount>;

/**
 * Returns the bucket of an invoice `daysPastDue` days after its due date (0 or less: not
 * due). On 31 March an invoice due 1 March is 30 days past due, one due 28 February is 31.
 */
export function agingBucketOf(daysPastDue: number): AgingBucket {
  if (daysPastDue <= 0) return 'notDue';
  if (daysPastDue <= 30) return 'pastDue1To30';
  if (daysPastDue <= 60) return 'pastDue31To60';
  if (daysPastDue <= 90) return 'pastDue61To90';
  return 'pastDueOver90';
}

/** Spreads the open amount on `asOf` over the aging buckets by days past due on that date. */
export function agingBuckets(book: KpiBook, asOf: string, scope: KpiScope = {}): AgingBuckets {
  checkLocalDate('asOf', asOf);
  const buckets = emptyAgingBuckets();

  for (const { invoice, openMinor } of positionsOn(book, asOf, scope)) {
    if (openMinor <= 0) continue;
    const bucket = buckets[agingBucketOf(daysBetween(invoice.dueDate, asOf))];
    bucket.amountMinor += openMinor;
    bucket.count += 1;
  }
  return buckets;
}

export function emptyAgingBuckets(): AgingBuckets {
  const entries = AGING_BUCKETS.map((bucket) => [bucket, { amountMinor: 0, count: 0 }] as const);
  return Object.fromEntries(entries) as AgingBuckets;
}
