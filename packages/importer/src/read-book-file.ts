import { readFile } from 'node:fs/promises';
import { decodeText } from './decode-text';
import type { ImportOptions, ImportResult } from './import-result';
import { parseBook } from './parse-book';

/** Reads an invoice book from a CSV file in UTF-8 or Windows-1252, as `parseBook` does. */
export async function readBookFile(
  path: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const { text, encoding } = decodeText(await readFile(path));
  const result = parseBook(text, options);
  return { ...result, detected: { ...result.detected, encoding } };
}
