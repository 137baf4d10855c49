import { ImportFileError } from './import-file-error';

/** The field delimiters an import accepts. */
export const DELIMITERS = [';', ',', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Picks the delimiter that occurs most often, outside quotes, in the header line. Header
 * names rarely contain a delimiter, while data rows may hold decimal commas, so only the
 * header is read.
 */
export function detectDelimiter(text: string): Delimiter {
  const named = excelSeparatorLine(text);
  if (named !== undefined) return named;
  const counts = countOutsideQuotes(headerLine(text));
  const ranked = DELIMITERS.map((delimiter) => ({ delimiter, count: counts.get(delimiter) ?? 0 }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.count - a.count);
  const best = ranked[0];
  if (best === undefined) {
    throw new ImportFileError(
      'delimiterNotFound',
      `The header line '${headerLine(text).slice(0, 80)}' contains no ';', ',' or tab, so the ` +
        `file has a single column. Export the file as CSV with one of these delimiters.`,
      { header: headerLine(text) },
    );
  }
  return best.delimiter;
}

/** Returns the delimiter named by a `sep=;` first line, which Excel reads and writes. */
export function excelSeparatorLine(text: string): Delimiter | undefined {
  const match = /^sep=([;,\t])\r?\n/i.exec(text);
  return match?.[1] as Delimiter | undefined;
}

/** Returns the first line, ending at the first line break outside quotes. */
function headerLine(text: string): string {
  let quoted = false;
  for (let position = 0; position < text.length; position++) {
    const char = text[position];
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === '\n' || char === '\r')) return text.slice(0, position);
  }
  return text;
}

function countOutsideQuotes(line: string): Map<string, number> {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return counts;
}
