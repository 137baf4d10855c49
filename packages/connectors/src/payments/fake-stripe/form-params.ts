import { StripeApiError } from './stripe-api-error';

/** A decoded form value: a string, or nested values from `name[key]=...` fields. */
export type FormValue = string | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

/**
 * Decodes an `application/x-www-form-urlencoded` body the way Stripe reads it: `a[b][c]=v`
 * nests objects, and `a[]=v` appends to a list stored under the keys `0`, `1`, ...
 */
export function parseFormParams(body: string): FormObject {
  const root = emptyObject();
  for (const [field, value] of new URLSearchParams(body)) {
    assign(root, splitField(field), value, field);
  }
  return root;
}

/** Splits `line_items[0][price]` into `['line_items', '0', 'price']`. */
function splitField(field: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(field);
  if (match === null) throw malformedField(field);
  const [, head = '', brackets = ''] = match;
  const keys = [...brackets.matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1] ?? '');
  return [head, ...keys];
}

function assign(target: FormObject, keys: string[], value: string, field: string): void {
  let node = target;
  for (const [index, rawKey] of keys.entries()) {
    const key = rawKey === '' ? String(Object.keys(node).length) : rawKey;
    const isLast = index === keys.length - 1;
    const existing = node[key];
    if (isLast) {
      if (existing !== undefined) throw repeatedField(field);
      node[key] = value;
      return;
    }
    if (typeof existing === 'string') throw repeatedField(field);
    const child = existing ?? emptyObject();
    node[key] = child;
    node = child;
  }
}

/** Objects without a prototype, so a field named `__proto__` is an ordinary key. */
function emptyObject(): FormObject {
  return Object.create(null) as FormObject;
}

function malformedField(field: string): StripeApiError {
  return new StripeApiError(
    400,
    'invalid_request_error',
    `Invalid form field name '${field}'; nest parameters as name[key], e.g. metadata[invoice_id]`,
    { code: 'parameter_invalid', param: field },
  );
}

function repeatedField(field: string): StripeApiError {
  return new StripeApiError(
    400,
    'invalid_request_error',
    `Parameter '${field}' was given more than once or as both a value and a hash; send it once`,
    { code: 'parameter_invalid', param: field },
  );
}
