import type { Context } from 'hono';
import { ApiError } from './api-error';

/** The encodings of a CSV upload that `readCsvBody` decodes. */
export type CsvEncoding = 'utf-8' | 'windows-1252';

const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv'];

/**
 * Reads a CSV upload as text. It is decoded as UTF-8, unless its bytes are not valid UTF-8:
 * then it is read as Windows-1252, the encoding of older Western European ERP exports.
 */
export async function readCsvBody(c: Context): Promise<{ text: string; encoding: CsvEncoding }> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!CSV_TYPES.includes(type)) {
    throw new ApiError(415, 'unsupportedMediaType', `Content-Type '${type}' is not a CSV type`, {
      fix: 'send the file as the raw body with Content-Type: text/csv',
    });
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0) {
    throw new ApiError(400, 'missingBody', 'the request body is empty', {
      fix: 'send the CSV file as the raw body, e.g. curl --data-binary @book.csv',
    });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new ApiError(422, 'binaryFile', `the file contains a NUL byte at offset ${nul}`, {
      fix: 'export the book as CSV text; spreadsheets and archives are not CSV',
    });
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
