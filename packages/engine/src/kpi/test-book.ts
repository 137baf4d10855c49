import type { Invoice, Payment } from '@dunflow/model';

/** Builds an invoice for KPI tests with 30-day terms in EUR; `fields` overrides any field. */
export function testInvoice(
  id: string,
  issueDate: string,
  amountMinor: number,
  fields: Partial<Invoice> = {},
): Invoice {
  const due = new Date(Date.parse(`${issueDate}T00:00:00Z`) + 30 * 86_400_000);
  return {
    id,
    customerId: 'customer-1',
    issueDate,
    dueDate: due.toISOString().slice(0, 10),
    amountMinor,
    currency: 'EUR',
    disputed: false,
    ...fields,
  };
}

/** Builds a payment for KPI tests, its id derived from the invoice and the date. */
export function testPayment(invoiceId: string, receivedOn: string, amountMinor: number): Payment {
  return { id: `${invoiceId}-${receivedOn}-${amountMinor}`, invoiceId, receivedOn, amountMinor };
}
