import type { Invoice, Payment } from '@dunflow/model';

/** Returns the id of the payment that settles an invoice in full. */
export function settlementPaymentId(invoiceId: string): string {
  return `settle-${invoiceId}`;
}

/**
 * Returns the payment of the full amount on the invoice's settled date, or undefined when the
 * invoice is not settled or its amount is zero (a payment is always positive).
 */
export function settlementPayment(invoice: Invoice): Payment | undefined {
  if (invoice.settledDate === undefined || invoice.amountMinor === 0) return undefined;
  return {
    id: settlementPaymentId(invoice.id),
    invoiceId: invoice.id,
    amountMinor: invoice.amountMinor,
    receivedOn: invoice.settledDate,
  };
}
