import { z } from 'zod';
import { CurrencyCode, LocalDate, MinorAmount, Reference } from './primitives';

/** The channel a customer receives invoices on. */
export const BillingChannel = z.enum(['paper', 'electronic']);
export type BillingChannel = z.infer<typeof BillingChannel>;

/** A customer (debtor) of the company. */
export const Customer = z.object({
  id: Reference,
  name: z.string().optional(),
  countryCode: z.string().min(1),
  email: z.email().optional(),
  phone: z.string().optional(),
  /** BCP 47 language tag used to pick templates, e.g. `fr` or `en`. */
  language: z.string().optional(),
  /** IANA time zone of the debtor, e.g. `Europe/Paris`. */
  timeZone: z.string().optional(),
  paperlessDate: LocalDate.optional(),
  channel: BillingChannel.optional(),
});
export type Customer = z.infer<typeof Customer>;

/** An invoice as imported from the ERP. */
export const Invoice = z.object({
  id: Reference,
  customerId: Reference,
  issueDate: LocalDate,
  dueDate: LocalDate,
  amountMinor: MinorAmount,
  currency: CurrencyCode,
  disputed: z.boolean(),
  /** The date the ERP recorded the invoice as settled, if it was. */
  settledDate: LocalDate.optional(),
});
export type Invoice = z.infer<typeof Invoice>;

/** A payment received against one invoice. */
export const Payment = z.object({
  id: Reference,
  invoiceId: Reference,
  amountMinor: MinorAmount.positive(),
  receivedOn: LocalDate,
});
export type Payment = z.infer<typeof Payment>;
