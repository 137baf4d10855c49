import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** The IBM accounts receivable sample that the importer's tests and the demo use. */
export const IBM_BOOK_FILE = resolve(
  import.meta.dirname,
  '../../packages/importer/src/fixtures/ibm-accounts-receivable.csv',
);

/** Column positions of the sample's `customerID` and `invoiceNumber`. */
const CUSTOMER_COLUMN = 1;
const INVOICE_COLUMN = 3;

/** Returns the IBM sample as text. It is ASCII, so UTF-8 decoding leaves it as the file is. */
export async function readIbmBookText(): Promise<string> {
  return readFile(IBM_BOOK_FILE, 'utf8');
}

/**
 * Builds a larger book of `rows` data rows by repeating the rows of `text` in order. Copy `k`
 * (from 1) of a row gets the customer id and invoice number `<id>-k`, so every copy is a new
 * customer and a new invoice, and the same arguments always give the same text. The sample
 * has no quoted fields, which this relies on.
 */
export function repeatBookText(text: string, rows: number): string {
  const [header, ...sample] = text.split(/\r?\n/).filter((line) => line !== '');
  if (header === undefined || sample.length === 0) {
    throw new RangeError('repeatBookText: the book has no data rows to repeat');
  }
  const lines = [header];
  for (let index = 0; index < rows; index++) {
    const copy = Math.floor(index / sample.length) + 1;
    const fields = (sample[index % sample.length] ?? '').split(',');
    fields[CUSTOMER_COLUMN] = `${fields[CUSTOMER_COLUMN] ?? ''}-${copy}`;
    fields[INVOICE_COLUMN] = `${fields[INVOICE_COLUMN] ?? ''}-${copy}`;
    lines.push(fields.join(','));
  }
  return `${lines.join('\n')}\n`;
}
