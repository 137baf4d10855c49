/** An e-mail to send. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * Key derived from invoice, node and occurrence. Every delivery of the same e-mail carries
   * the same key, so a receiver can recognise a duplicate.
   */
  idempotencyKey: string;
  /** Extra headers. They cannot replace Message-ID or the idempotency key header. */
  headers?: Record<string, string>;
}

/** Sends e-mail. Implementations raise a `ConnectorError` when sending fails. */
export interface EmailSender {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}
