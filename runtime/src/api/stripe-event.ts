import { z } from 'zod';

/** The fields of a Stripe event that the webhook reads. Stripe sends many more. */
export const StripeEventEnvelope = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  /** Unix seconds. */
  created: z.number().int(),
  data: z.object({ object: z.unknown() }),
});

/** The fields of a Checkout Session that a payment is recorded from. */
export const CheckoutSession = z.object({
  id: z.string().min(1),
  /** In the currency's minor unit, or null when the session has no amount. */
  amount_total: z.number().int().nonnegative().nullable(),
  /** Lower-case ISO 4217 code, as Stripe sends it. */
  currency: z.string().nullable(),
  /** `paid`, or `unpaid` for payment methods that settle later. */
  payment_status: z.string(),
  metadata: z.record(z.string(), z.string()).nullable(),
});
export type CheckoutSession = z.output<typeof CheckoutSession>;

/** A `checkout.session.completed` event with the session it carries. */
export const CheckoutSessionEvent = StripeEventEnvelope.extend({
  data: z.object({ object: CheckoutSession }),
});
