/** A sum of open amounts in minor units (cents) and the number of invoices it covers. */
export interface AmountCount {
  amountMinor: number;
  count: number;
}

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

/** The collection rate of a month, with the totals it divides. */
export interface CollectionRate {
  /** Part of `dueMinor` settled by the month's last day (or by the as-of date, if earlier). */
  collectedMinor: number;
  /** Amount of the invoices due in the month. */
  dueMinor: number;
  /** `collectedMinor / dueMinor`, between 0 and 1; null when nothing was due. */
  rate: number | null;
}
