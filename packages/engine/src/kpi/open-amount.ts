import type { Invoice, Payment } from '@dunflow/model';

/**
 * Returns the amount of `invoice` still unpaid at the end of `date`, in minor units: 0 before
 * the issue date and from the settled date on, else the amount minus the payments received
 * by `date` (never below 0). `payments` are the invoice's own payments.
 */
export function openAmountOn(invoice: Invoice, payments: readonly Payment[], date: string): number {
  if (invoice.issueDate > date) return 0;
  if (invoice.settledDate !== undefined && invoice.settledDate <= date) return 0;

  const paid = paidBy(payments, date);
  return Math.max(0, invoice.amountMinor - paid);
}

/** Sums the payments received on or before `date`, in minor units. */
export function paidBy(payments: readonly Payment[], date: string): number {
  let paid = 0;
  for (const payment of payments) {
    if (payment.receivedOn <= date) paid += payment.amountMinor;
  }
  return paid;
}

/** Groups payments by the invoice they pay. */
export function paymentsByInvoice(payments: readonly Payment[]): ReadonlyMap<string, Payment[]> {
  const byInvoice = new Map<string, Payment[]>();
  for (const payment of payments) {
    const list = byInvoice.get(payment.invoiceId);
    if (list) list.push(payment);
    else byInvoice.set(payment.invoiceId, [payment]);
  }
  return byInvoice;
}
