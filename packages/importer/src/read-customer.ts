import { Customer } from '@dunflow/model';
import { readDate } from './read-dates';
import { parseChannel } from './parse-channel';
import { parseLanguageTag } from './parse-language-tag';
import { accepted, invalid, type Parsed } from './parsed';
import type { RowContext } from './row-context';
import type { RowReader } from './row-reader';

/**
 * Reads the customer columns of a row around its already read id and country. Returns
 * undefined when either is missing or a customer cell is invalid, and the row records why.
 */
export function readCustomer(
  row: RowReader,
  context: RowContext,
  keys: { customerId: string | undefined; countryCode: string | undefined },
): Customer | undefined {
  const { customerId, countryCode } = keys;
  const issuesBefore = row.issues.length;
  const customer: Partial<Customer> = {};
  assign(customer, 'name', row.text('customerName'));
  assign(customer, 'email', row.optional('customerEmail', parseEmail));
  assign(customer, 'phone', row.optional('customerPhone', parsePhone));
  assign(customer, 'language', row.optional('customerLanguage', parseLanguageTag));
  assign(customer, 'paperlessDate', readDate(row, context, 'paperlessDate'));
  assign(customer, 'channel', row.optional('channel', parseChannel));
  if (customerId === undefined || countryCode === undefined || row.issues.length > issuesBefore) {
    return undefined;
  }
  return { id: customerId, countryCode, ...customer };
}

/** Reads the country cell, else the mapping's country. Letter codes are upper-cased. */
export function readCountry(row: RowReader, context: RowContext): string | undefined {
  const country = row.text('countryCode') ?? context.defaultCountry;
  if (country === undefined) {
    row.reject(
      'countryCode',
      `${row.header('countryCode')} is empty; set "country" in the mapping for rows without one`,
    );
    return undefined;
  }
  return /^[a-z]{2,3}$/i.test(country) ? country.toUpperCase() : country;
}

function assign<K extends keyof Customer>(
  customer: Partial<Customer>,
  key: K,
  value: Customer[K] | undefined,
): void {
  if (value !== undefined) customer[key] = value;
}

function parseEmail(text: string): Parsed<string> {
  if (Customer.shape.email.safeParse(text).success) return accepted(text);
  return invalid(`'${text}' is not an e-mail address`);
}

function parsePhone(text: string): Parsed<string> {
  if (/^\+?[\d\s()./-]{4,}$/.test(text)) return accepted(text);
  return invalid(`'${text}' is not a phone number; use digits, spaces and an optional leading +`);
}
