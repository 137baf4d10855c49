import { settlementPaymentId, type Invoice, type Payment } from '@dunflow/model';

export { settlementPaymentId } from '@dunflow/model';

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
