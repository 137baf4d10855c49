import { accepted, invalid, type Parsed } from './parsed';

const MAX_REFERENCE_LENGTH = 200;

/** Reads an invoice number or customer id as text, so leading zeros survive. */
export function parseReference(text: string): Parsed<string> {
  if (/[\r\n\t]/.test(text)) return invalid(`'${text}' contains a line break or tab`);
  if (text.length > MAX_REFERENCE_LENGTH) {
    return invalid(`'${text.slice(0, 40)}…' is longer than ${MAX_REFERENCE_LENGTH} characters`);
  }
  return accepted(text);
}
