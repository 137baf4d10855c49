import type { FactValues } from '@dunflow/model';
import type { InvoiceFacts } from './invoice-facts';

/**
 * Builds the values of a template's placeholders from the invoice's facts and the outputs of
 * earlier actions (e.g. `paymentLink`). Amounts are in major units with two decimals.
 */
export function templateVariables(
  loaded: InvoiceFacts,
  outputs: Record<string, string>,
): Record<string, string> {
  const { invoice, customer, facts } = loaded;
  return {
    ...outputs,
    invoiceId: invoice.id,
    customerName: customer.name ?? customer.id,
    amount: formatMajor(facts, 'amount'),
    openAmount: formatMajor(facts, 'openAmount'),
    currency: invoice.currency,
    dueDate: invoice.dueDate,
    issueDate: invoice.issueDate,
    daysPastDue: String(facts['daysPastDue'] ?? ''),
  };
}

function formatMajor(facts: FactValues, name: string): string {
  const value = facts[name];
  return typeof value === 'number' ? value.toFixed(2) : '';
}
