import { CsvError, parse } from 'csv-parse/sync';
import type { Delimiter } from './detect-delimiter';
import { ImportFileError } from './import-file-error';

/** One CSV record with the physical line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

interface RecordWithInfo {
  record: string[];
  info: { bytes: number };
}

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Splits CSV text into records. Quoted fields may contain delimiters, quotes and line
 * breaks, and CRLF, LF and CR all end a record, even mixed in one file. Blank lines come back as records of one empty field, so
 * callers decide what to skip. Records may have any number of fields.
 */
export function readCsvRecords(text: string, delimiter: Delimiter): CsvRecord[] {
  const bytes = Buffer.from(text, 'utf8');
  const parsed = parseWithInfo(bytes, delimiter);
  const records: CsvRecord[] = [];
  let start = 0;
  let line = 1;
  for (const { record, info } of parsed) {
    records.push({ line, fields: record });
    line += countLineBreaks(bytes, start, info.bytes);
    start = info.bytes;
  }
  return records;
}

function parseWithInfo(bytes: Buffer, delimiter: Delimiter): RecordWithInfo[] {
  try {
    // `info.bytes` is the offset where each record ends, which gives exact line numbers
    // even when quoted fields span lines. csv-parse's types do not model `info: true`.
    const records: unknown = parse(bytes, {
      delimiter,
      // Any line ending ends a record, also in files that mix them.
      record_delimiter: ['\r\n', '\n', '\r'],
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
    return records as RecordWithInfo[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new ImportFileError(
      'csvSyntax',
      `The file is not valid CSV: ${error.message}. A quote that opens a field must close it; ` +
        `double a quote inside a quoted field ("").`,
      { csvCode: error.code },
    );
  }
}

/** Counts line breaks: LF, CRLF, and a lone CR as old Mac exports write it. */
function countLineBreaks(bytes: Buffer, from: number, to: number): number {
  let count = 0;
  for (let position = from; position < to; position++) {
    const byte = bytes[position];
    if (byte === LINE_FEED) count++;
    else if (byte === CARRIAGE_RETURN && bytes[position + 1] !== LINE_FEED) count++;
  }
  return count;
}
