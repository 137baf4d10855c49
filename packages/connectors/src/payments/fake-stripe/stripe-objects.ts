/**
 * The Stripe API objects the fake returns, with the fields Dunflow and the `stripe` client
 * read. NOTE: real Stripe objects carry many more fields, which the fake omits.
 */

export type Metadata = Record<string, string>;

export interface StripeProduct {
  id: string;
  object: 'product';
  active: boolean;
  created: number;
  livemode: false;
  metadata: Metadata;
  name: string;
}

export interface StripePrice {
  id: string;
  object: 'price';
  active: boolean;
  billing_scheme: 'per_unit';
  created: number;
  /** Lower-case ISO 4217 code, as Stripe returns it. */
  currency: string;
  livemode: false;
  metadata: Metadata;
  nickname: string | null;
  product: string;
  type: 'one_time';
  /** In the currency's minor unit. */
  unit_amount: number;
  unit_amount_decimal: string;
}

export interface StripePaymentLink {
  id: string;
  object: 'payment_link';
  active: boolean;
  currency: string;
  livemode: false;
  metadata: Metadata;
  url: string;
}

export interface PaymentLinkLineItem {
  price: StripePrice;
  quantity: number;
}

export interface StripeCheckoutSession {
  id: string;
  object: 'checkout.session';
  amount_subtotal: number;
  amount_total: number;
  created: number;
  currency: string;
  livemode: false;
  /** Copied from the payment link, as Stripe does for sessions a link creates. */
  metadata: Metadata;
  mode: 'payment';
  payment_intent: string;
  payment_link: string;
  payment_status: 'paid';
  status: 'complete';
}

export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string | null;
  created: number;
  data: { object: StripeCheckoutSession };
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  type: 'checkout.session.completed';
}
