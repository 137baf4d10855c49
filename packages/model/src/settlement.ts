/**
 * Returns the id an importer gives the payment that settles an invoice: a book exports only
 * the settled date, so the importer adds a payment of what is left on that date.
 */
export function settlementPaymentId(invoiceId: string): string {
  return `settle-${invoiceId}`;
}
