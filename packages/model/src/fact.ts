import { z } from 'zod';

/** The type of a fact, which decides the operators and values a condition may use with it. */
export const FactType = z.enum(['number', 'string', 'date', 'boolean']);
export type FactType = z.infer<typeof FactType>;

/** A fact that conditions and segments may test. */
export const FactDefinition = z.object({
  name: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'expected a camelCase name'),
  type: FactType,
  description: z.string(),
  /** Unit of a number fact, e.g. `days` or `currency units`. */
  unit: z.string().optional(),
});
export type FactDefinition = z.infer<typeof FactDefinition>;

/**
 * The facts known about an invoice when a rule is evaluated. Amounts are in major currency
 * units (euros, not cents) because credit managers write rules in them; dates are
 * `YYYY-MM-DD` strings. A missing fact is `null`.
 */
export type FactValues = Record<string, number | string | boolean | null>;

/** The catalogue of facts every invoice has. */
export const INVOICE_FACTS: readonly FactDefinition[] = [
  { name: 'amount', type: 'number', description: 'Invoice amount', unit: 'currency units' },
  {
    name: 'openAmount',
    type: 'number',
    description: 'Amount still unpaid',
    unit: 'currency units',
  },
  { name: 'currency', type: 'string', description: 'ISO 4217 currency code' },
  { name: 'issueDate', type: 'date', description: 'Date the invoice was issued' },
  { name: 'dueDate', type: 'date', description: 'Date payment is due' },
  {
    name: 'daysPastDue',
    type: 'number',
    description: 'Days since the due date; negative before it',
    unit: 'days',
  },
  { name: 'disputed', type: 'boolean', description: 'Whether a dispute is open on the invoice' },
  { name: 'customerId', type: 'string', description: 'Customer reference' },
  { name: 'countryCode', type: 'string', description: "Customer's country code" },
  { name: 'channel', type: 'string', description: 'Billing channel: paper or electronic' },
  { name: 'language', type: 'string', description: "Customer's language tag" },
  {
    name: 'customerOpenAmount',
    type: 'number',
    description: "Total open amount of the invoice's customer",
    unit: 'currency units',
  },
  {
    name: 'customerOverdueCount',
    type: 'number',
    description: 'Number of overdue invoices of the customer',
  },
  { name: 'remindersSent', type: 'number', description: 'Reminders already sent for this invoice' },
  {
    name: 'brokenPromises',
    type: 'number',
    description: 'Promises to pay on this invoice that were not kept',
  },
];
