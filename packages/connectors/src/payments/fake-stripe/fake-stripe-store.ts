import type { ParamReader } from './param-reader';
import { readLineItems } from './read-line-items';
import { readMetadata } from './read-metadata';
import { newStripeId } from './stripe-id';
import { invalidParam, missingParam, resourceMissing } from './stripe-api-error';
import type {
  Metadata,
  PaymentLinkLineItem,
  StripeCheckoutSession,
  StripePaymentLink,
  StripePrice,
  StripeProduct,
} from './stripe-objects';

interface ProductRequest {
  existingId?: string;
  name?: string;
  metadata?: Metadata;
}

/**
 * The objects of the fake Stripe account, in memory. Each create method validates every
 * parameter before it stores anything, so a rejected request leaves no trace.
 */
export class FakeStripeStore {
  readonly #checkoutUrl: (linkId: string) => string;
  readonly #products = new Map<string, StripeProduct>();
  readonly #prices = new Map<string, StripePrice>();
  readonly #links = new Map<string, StripePaymentLink>();
  readonly #lineItems = new Map<string, PaymentLinkLineItem[]>();
  readonly #apiVersions = new Map<string, string | null>();
  readonly #sessions: StripeCheckoutSession[] = [];

  /** `checkoutUrl` gives the `url` of a new payment link from its id. */
  constructor(checkoutUrl: (linkId: string) => string) {
    this.#checkoutUrl = checkoutUrl;
  }

  createPrice(params: ParamReader): StripePrice {
    const currency = readCurrency(params);
    const unitAmount = params.integer('unit_amount');
    const product = this.#readProduct(params);
    const nickname = params.optionalString('nickname') ?? null;
    const metadata = readMetadata(params);
    params.finish();

    const price: StripePrice = {
      id: newStripeId('price'),
      object: 'price',
      active: true,
      billing_scheme: 'per_unit',
      created: nowSeconds(),
      currency,
      livemode: false,
      metadata,
      nickname,
      product: product.existingId ?? this.#addProduct(product).id,
      type: 'one_time',
      unit_amount: unitAmount,
      unit_amount_decimal: String(unitAmount),
    };
    this.#prices.set(price.id, price);
    return price;
  }

  /** `apiVersion` is the request's `Stripe-Version`, used for the link's webhook events. */
  createPaymentLink(params: ParamReader, apiVersion: string | null): StripePaymentLink {
    const lineItems = readLineItems(params, (id) => this.#prices.get(id));
    const metadata = readMetadata(params);
    params.finish();

    const id = newStripeId('plink');
    const link: StripePaymentLink = {
      id,
      object: 'payment_link',
      active: true,
      currency: lineItems[0]?.price.currency ?? '',
      livemode: false,
      metadata,
      url: this.#checkoutUrl(id),
    };
    this.#links.set(id, link);
    this.#lineItems.set(id, lineItems);
    this.#apiVersions.set(id, apiVersion);
    return link;
  }

  /** Updates a payment link as `POST /v1/payment_links/:id` does; only `active` is supported. */
  updatePaymentLink(id: string, params: ParamReader): StripePaymentLink {
    const link = this.paymentLink(id);
    const active = params.optionalBoolean('active');
    params.finish();
    if (active !== undefined) link.active = active;
    return link;
  }

  apiVersionOf(linkId: string): string | null {
    return this.#apiVersions.get(this.paymentLink(linkId).id) ?? null;
  }

  /** Raises a 404 `resource_missing` error for an unknown id. */
  paymentLink(id: string): StripePaymentLink {
    const link = this.#links.get(id);
    if (link === undefined) throw resourceMissing('payment link', id, 'id');
    return link;
  }

  /** Total of a payment link's line items, in the currency's minor unit. */
  amountDue(linkId: string): number {
    const items = this.#lineItems.get(this.paymentLink(linkId).id) ?? [];
    return items.reduce((sum, item) => sum + item.price.unit_amount * item.quantity, 0);
  }

  /** Records a completed checkout of the payment link, as when a customer pays it. */
  completeCheckout(linkId: string): StripeCheckoutSession {
    const link = this.paymentLink(linkId);
    if (!link.active) {
      throw invalidParam('payment_link', 'This payment link is no longer active.');
    }
    const amount = this.amountDue(linkId);
    const session: StripeCheckoutSession = {
      id: newStripeId('cs_test'),
      object: 'checkout.session',
      amount_subtotal: amount,
      amount_total: amount,
      created: nowSeconds(),
      currency: link.currency,
      livemode: false,
      metadata: { ...link.metadata },
      mode: 'payment',
      payment_intent: newStripeId('pi'),
      payment_link: link.id,
      payment_status: 'paid',
      status: 'complete',
    };
    this.#sessions.push(session);
    return session;
  }

  /** Completed checkout sessions, oldest first. */
  sessions(): StripeCheckoutSession[] {
    return [...this.#sessions];
  }

  #readProduct(params: ParamReader): ProductRequest {
    const existingId = params.optionalString('product');
    const data = params.optionalHash('product_data');
    if (existingId !== undefined && data !== undefined) {
      throw invalidParam(
        'product',
        'You may only specify one of these parameters: product, product_data.',
      );
    }
    if (existingId !== undefined) {
      if (!this.#products.has(existingId)) throw resourceMissing('product', existingId, 'product');
      return { existingId };
    }
    if (data === undefined) throw missingParam('product_data');
    const name = data.string('name');
    const metadata = readMetadata(data);
    data.finish();
    return { name, metadata };
  }

  #addProduct(request: ProductRequest): StripeProduct {
    const product: StripeProduct = {
      id: newStripeId('prod'),
      object: 'product',
      active: true,
      created: nowSeconds(),
      livemode: false,
      metadata: request.metadata ?? {},
      name: request.name ?? '',
    };
    this.#products.set(product.id, product);
    return product;
  }
}

function readCurrency(params: ParamReader): string {
  const currency = params.string('currency');
  if (!/^[A-Za-z]{3}$/.test(currency)) {
    throw invalidParam(
      'currency',
      `Invalid currency: ${currency}. Use a three-letter ISO 4217 code such as eur`,
    );
  }
  return currency.toLowerCase();
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
