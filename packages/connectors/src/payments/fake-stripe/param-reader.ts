import type { FormObject, FormValue } from './form-params';
import { invalidParam, missingParam, unknownParam } from './stripe-api-error';

/**
 * Reads the parameters of one request or nested hash, naming each the way Stripe does
 * (`line_items[0][price]`), and rejects the ones no reader asked for.
 */
export class ParamReader {
  readonly #values: FormObject;
  readonly #prefix: string;
  readonly #read = new Set<string>();

  constructor(values: FormObject, prefix = '') {
    this.#values = values;
    this.#prefix = prefix;
  }

  /** Returns the full name of the parameter `key`, e.g. `product_data[name]`. */
  name(key: string): string {
    return this.#prefix === '' ? key : `${this.#prefix}[${key}]`;
  }

  optionalString(key: string): string | undefined {
    const value = this.#take(key);
    if (value === undefined || typeof value === 'string') return value;
    throw invalidParam(
      this.name(key),
      `Invalid string: ${this.name(key)} must be a string, not a hash`,
    );
  }

  string(key: string): string {
    const value = this.optionalString(key);
    if (value === undefined || value === '') throw missingParam(this.name(key));
    return value;
  }

  /** Reads a required non-negative integer written in decimal digits. */
  integer(key: string): number {
    const text = this.string(key);
    if (!/^\d{1,15}$/.test(text)) {
      throw invalidParam(this.name(key), `Invalid integer: ${text}`, 'parameter_invalid_integer');
    }
    return Number(text);
  }

  /** Reads `true` or `false`, as the `stripe` client sends booleans. */
  optionalBoolean(key: string): boolean | undefined {
    const text = this.optionalString(key);
    if (text === undefined) return undefined;
    if (text === 'true' || text === 'false') return text === 'true';
    throw invalidParam(this.name(key), `Invalid boolean: ${text}`);
  }

  optionalHash(key: string): ParamReader | undefined {
    const value = this.#take(key);
    if (value === undefined) return undefined;
    if (typeof value === 'string') {
      throw invalidParam(this.name(key), `Invalid hash: ${this.name(key)} must be a hash`);
    }
    return new ParamReader(value, this.name(key));
  }

  /** Reads a list sent as `key[0][...]`, `key[1][...]`, ... with indexes from 0 and no gaps. */
  optionalList(key: string): ParamReader[] | undefined {
    const hash = this.optionalHash(key);
    if (hash === undefined) return undefined;
    return hash.#items();
  }

  /** Reads every entry as a name and a string value, and marks them all read. */
  entries(): [string, string][] {
    return Object.keys(this.#values).map((key) => {
      const value = this.optionalString(key);
      return [key, value ?? ''];
    });
  }

  /** Raises `parameter_unknown` for the first parameter that no reader asked for. */
  finish(): void {
    const unread = Object.keys(this.#values).find((key) => !this.#read.has(key));
    if (unread !== undefined) throw unknownParam(this.name(unread));
  }

  #items(): ParamReader[] {
    const keys = Object.keys(this.#values);
    const items: ParamReader[] = [];
    for (let index = 0; index < keys.length; index += 1) {
      const item = this.optionalHash(String(index));
      if (item === undefined) {
        throw invalidParam(
          this.#prefix,
          `Invalid array: ${this.#prefix} must be indexed from 0 with no gaps`,
        );
      }
      items.push(item);
    }
    return items;
  }

  #take(key: string): FormValue | undefined {
    this.#read.add(key);
    return Object.hasOwn(this.#values, key) ? this.#values[key] : undefined;
  }
}
