import type { Invoice, Payment } from '@dunflow/model';

/** The invoices and payments a KPI is computed over. */
export interface KpiBook {
  readonly invoices: readonly Invoice[];
  readonly payments: readonly Payment[];
}

/**
 * Restricts a KPI to part of the book. Amounts of different currencies cannot be added, so a
 * book with several currencies needs one KPI call per currency.
 */
export interface KpiScope {
  readonly currency?: string;
}

/** A sum of amounts in minor units (cents) and the number of invoices it covers. */
export interface AmountCount {
  amountMinor: number;
  count: number;
}
