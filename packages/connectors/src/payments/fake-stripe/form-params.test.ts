import { describe, expect, it } from 'vitest';
import { parseFormParams } from './form-params';
import { StripeApiError } from './stripe-api-error';

describe('parseFormParams', () => {
  it('nests bracketed fields', () => {
    const params = parseFormParams(
      'line_items[0][price]=price_1&line_items[0][quantity]=1&metadata[invoice_id]=INV%201&currency=eur',
    );
    expect(params).toEqual({
      line_items: { '0': { price: 'price_1', quantity: '1' } },
      metadata: { invoice_id: 'INV 1' },
      currency: 'eur',
    });
  });

  it('appends empty brackets as indexes', () => {
    expect(parseFormParams('expand[]=a&expand[]=b')).toEqual({ expand: { '0': 'a', '1': 'b' } });
  });

  it('decodes plus signs and escapes', () => {
    expect(parseFormParams('product_data[name]=Invoice+INV-7+%C3%A9')).toEqual({
      product_data: { name: 'Invoice INV-7 é' },
    });
  });

  it('treats __proto__ as an ordinary key', () => {
    const params = parseFormParams('metadata[__proto__][polluted]=yes');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(params['metadata'] ?? {})).toEqual(['__proto__']);
  });

  it('rejects a repeated field', () => {
    expect(() => parseFormParams('currency=eur&currency=usd')).toThrow(StripeApiError);
    expect(() => parseFormParams('metadata=x&metadata[a]=b')).toThrow(/given more than once/);
    expect(() => parseFormParams('metadata[a]=b&metadata=x')).toThrow(/given more than once/);
  });

  it('rejects a malformed field name', () => {
    expect(() => parseFormParams('metadata[a=b')).toThrow("Invalid form field name 'metadata[a'");
    expect(() => parseFormParams('[a]=b')).toThrow(/Invalid form field name/);
  });

  it('reads an empty body as no parameters', () => {
    expect(parseFormParams('')).toEqual({});
  });
});
