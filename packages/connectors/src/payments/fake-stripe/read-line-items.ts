import type { ParamReader } from './param-reader';
import { invalidParam, missingParam, resourceMissing } from './stripe-api-error';
import type { PaymentLinkLineItem, StripePrice } from './stripe-objects';

/** Stripe's limit on line items per payment link. */
const MAX_LINE_ITEMS = 20;

export type FindPrice = (id: string) => StripePrice | undefined;

/** Reads the required `line_items` list of a payment link: existing prices, one currency. */
export function readLineItems(params: ParamReader, findPrice: FindPrice): PaymentLinkLineItem[] {
  const items = params.optionalList('line_items') ?? [];
  if (items.length === 0) throw missingParam('line_items');
  if (items.length > MAX_LINE_ITEMS) {
    throw invalidParam('line_items', `Invalid line_items: at most ${MAX_LINE_ITEMS} are allowed`);
  }
  const lineItems = items.map((item) => readLineItem(item, findPrice));
  const currencies = new Set(lineItems.map((item) => item.price.currency));
  if (currencies.size > 1) {
    throw invalidParam(
      'line_items',
      `All prices of a payment link must share one currency; got ${[...currencies].join(', ')}`,
    );
  }
  return lineItems;
}

function readLineItem(item: ParamReader, findPrice: FindPrice): PaymentLinkLineItem {
  const priceId = item.string('price');
  const quantity = item.integer('quantity');
  item.finish();
  if (quantity < 1) {
    throw invalidParam(item.name('quantity'), `Invalid quantity ${quantity}: must be at least 1`);
  }
  const price = findPrice(priceId);
  if (price === undefined) throw resourceMissing('price', priceId, item.name('price'));
  return { price, quantity };
}
