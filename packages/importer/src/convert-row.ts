import { Customer, Invoice } from '@dunflow/model';
import type { z } from 'zod';
import { checkDerivedDays } from './check-derived-days';
import type { ImportField } from './import-field';
import { parseReference } from './parse-reference';
import { parseYesNo } from './parse-yes-no';
import { readAmount } from './read-amount';
import { readCountry, readCustomer } from './read-customer';
import { readInvoiceDates } from './read-dates';
import type { RowContext } from './row-context';
import type { RowReader } from './row-reader';

/** A converted row: its keys as far as they could be read, and its records if it is valid. */
export interface ConvertedRow {
  invoiceId: string | undefined;
  customerId: string | undefined;
  countryCode: string | undefined;
  invoice?: Invoice;
  customer?: Customer;
}

/** The field each model property is read from, to report schema issues on the right cell. */
const INVOICE_FIELDS: Readonly<Record<keyof Invoice, ImportField>> = {
  id: 'invoiceNumber',
  customerId: 'customerId',
  issueDate: 'issueDate',
  dueDate: 'dueDate',
  amountMinor: 'amount',
  currency: 'currency',
  disputed: 'disputed',
  settledDate: 'settledDate',
};

const CUSTOMER_FIELDS: Readonly<Partial<Record<keyof Customer, ImportField>>> = {
  id: 'customerId',
  name: 'customerName',
  countryCode: 'countryCode',
  email: 'customerEmail',
  phone: 'customerPhone',
  language: 'customerLanguage',
  paperlessDate: 'paperlessDate',
  channel: 'channel',
};

/**
 * Converts one data row into an invoice and its customer, recording every bad cell on the
 * row. Cross-row checks (duplicates, conflicting countries) are the caller's.
 */
export function convertRow(row: RowReader, context: RowContext): ConvertedRow {
  const keys = readKeys(row, context);
  if (!hasHeaderWidth(row)) return keys;

  const dates = readInvoiceDates(row, context);
  const amount = readAmount(row, context);
  const disputed = row.optional('disputed', parseYesNo) ?? false;
  checkDerivedDays(row, dates);
  const customer = readCustomer(row, context, keys);
  const { invoiceId, customerId } = keys;
  const { issueDate, dueDate, settledDate } = dates;
  if (row.issues.length > 0 || invoiceId === undefined || customerId === undefined) return keys;
  if (issueDate === undefined || dueDate === undefined) return keys;
  if (amount === undefined || customer === undefined) return keys;

  const invoice: Invoice = { id: invoiceId, customerId, issueDate, dueDate, ...amount, disputed };
  if (settledDate !== undefined) invoice.settledDate = settledDate;
  const valid =
    validate(row, 'invoice', Invoice, invoice, INVOICE_FIELDS) &&
    validate(row, 'customer', Customer, customer, CUSTOMER_FIELDS);
  return valid ? { ...keys, invoice, customer } : keys;
}

function readKeys(row: RowReader, context: RowContext): ConvertedRow {
  if (!hasHeaderWidth(row)) {
    const found = row.record.fields.length;
    const expected = row.layout.headers.length;
    row.rejectRow(
      String(found),
      `the row has ${found} fields but the header has ${expected}; a value probably contains ` +
        `the delimiter or a line break without quotes around it`,
    );
    return { invoiceId: undefined, customerId: undefined, countryCode: undefined };
  }
  return {
    invoiceId: row.required('invoiceNumber', 'an invoice number', parseReference),
    customerId: row.required('customerId', 'a customer', parseReference),
    countryCode: readCountry(row, context),
  };
}

/** Returns whether the row has the header's width. Extra empty fields at the end are allowed. */
function hasHeaderWidth(row: RowReader): boolean {
  const { fields } = row.record;
  const width = row.layout.headers.length;
  if (fields.length < width) return false;
  return fields.slice(width).every((field) => field.trim() === '');
}

/** Checks a record against its model schema, recording any issue on the field it came from. */
function validate<T extends object>(
  row: RowReader,
  name: string,
  schema: z.ZodType<T>,
  record: T,
  fields: Readonly<Partial<Record<keyof T, ImportField>>>,
): boolean {
  const result = schema.safeParse(record);
  if (result.success) return true;
  for (const issue of result.error.issues) {
    const key = String(issue.path[0]);
    const field = fields[key as keyof T];
    const reason = `the ${name} schema rejects ${key}: ${issue.message}`;
    if (field === undefined) row.rejectRow(key, reason);
    else row.reject(field, reason);
  }
  return false;
}
