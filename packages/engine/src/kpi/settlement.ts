import type { Invoice, Payment } from '@dunflow/model';
import { daysBetween } from './kpi-calendar';

/**
 * Returns the date `invoice` was settled: its settled date, or the day its payments first
 * added up to its amount, whichever is earlier. An invoice of amount 0 is settled when
 * issued. Returns undefined while it is unpaid. `payments` are the invoice's own payments.
 */
export function settlementDateOf(
  invoice: Invoice,
  payments: readonly Payment[],
): string | undefined {
  const paidInFull =
    invoice.amountMinor === 0 ? invoice.issueDate : paidInFullOn(invoice, payments);
  const { settledDate } = invoice;
  if (settledDate === undefined) return paidInFull;
  if (paidInFull === undefined) return settledDate;
  return paidInFull < settledDate ? paidInFull : settledDate;
}

/** Counts the days from the issue date to the settlement date; undefined while unpaid. */
export function daysToSettle(invoice: Invoice, payments: readonly Payment[]): number | undefined {
  const settled = settlementDateOf(invoice, payments);
  return settled === undefined ? undefined : daysBetween(invoice.issueDate, settled);
}

/** Counts the days from the due date to the settlement, 0 when on time; undefined while unpaid. */
export function daysLate(invoice: Invoice, payments: readonly Payment[]): number | undefined {
  const settled = settlementDateOf(invoice, payments);
  return settled === undefined ? undefined : Math.max(0, daysBetween(invoice.dueDate, settled));
}

function paidInFullOn(invoice: Invoice, payments: readonly Payment[]): string | undefined {
  const byDate = [...payments].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
  let paid = 0;
  for (const payment of byDate) {
    paid += payment.amountMinor;
    if (paid >= invoice.amountMinor) return payment.receivedOn;
  }
  return undefined;
}
