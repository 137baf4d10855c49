/** A request for a link the customer can pay an invoice through. */
export interface PaymentLinkRequest {
  invoiceId: string;
  /** Amount to collect, in the currency's minor unit (cents). */
  amountMinor: number;
  /** ISO 4217 code, e.g. `EUR`. */
  currency: string;
  /** Text shown to the customer on the payment page, e.g. `Invoice INV-1042`. */
  description: string;
  /** Key derived from invoice, node and occurrence: the same key returns the same link. */
  idempotencyKey: string;
}

export interface PaymentLink {
  id: string;
  url: string;
}

/** Creates payment links. Implementations raise a `ConnectorError` when a call fails. */
export interface PaymentLinkProvider {
  createLink(request: PaymentLinkRequest): Promise<PaymentLink>;
  /**
   * Stops a link from taking payments, e.g. once its invoice is paid, so that a customer cannot
   * pay the same invoice twice. Deactivating an inactive link does nothing.
   */
  deactivateLink(linkId: string): Promise<void>;
}
