import { z } from 'zod';

/**
 * A message template. `subject` and `body` may use `{{placeholder}}` names: invoiceId,
 * customerName, amount, openAmount, currency, dueDate, daysPastDue, paymentLink.
 */
export const Template = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes'),
  channel: z.literal('email'),
  language: z.string().min(2),
  subject: z.string().min(1),
  body: z.string().min(1),
});
export type Template = z.infer<typeof Template>;
