import { HEADER_LANGUAGES, type HeaderLanguage } from './header-language';
import { HEADER_SYNONYMS } from './header-synonyms';
import { ImportFileError } from './import-file-error';
import type { ImportField } from './import-field';
import { normalizeHeader } from './normalize-header';

/** The column of each field in a file, and the language of its headers. */
export interface ColumnLayout {
  headers: readonly string[];
  /** Zero-based column index per field found. */
  indexes: Partial<Record<ImportField, number>>;
  /** The language most headers are written in, or undefined when no language leads. */
  language: HeaderLanguage | undefined;
  /** Headers that no field uses. */
  ignored: string[];
}

interface Synonym {
  field: ImportField;
  /** Position in the field's list: a lower rank is a more specific name. */
  rank: number;
  languages: HeaderLanguage[];
}

const SYNONYMS = indexSynonyms();

/**
 * Maps headers to fields. `overrides` (field to header, from a mapping) win over detection,
 * and the other headers are matched against the synonyms of the three languages. When several
 * headers match one field, the most specific name wins, then the leftmost column.
 */
export function detectColumns(
  headers: readonly string[],
  overrides: Partial<Record<ImportField, string>> = {},
): ColumnLayout {
  const indexes = applyOverrides(headers, overrides);
  const claimed = new Set(Object.values(indexes));
  const bestRank = new Map<ImportField, number>();

  headers.forEach((header, column) => {
    const synonym = SYNONYMS.get(normalizeHeader(header));
    if (synonym === undefined || claimed.has(column) || synonym.field in overrides) return;
    const rank = bestRank.get(synonym.field);
    if (rank !== undefined && rank <= synonym.rank) return;
    indexes[synonym.field] = column;
    bestRank.set(synonym.field, synonym.rank);
  });

  const used = new Set(Object.values(indexes));
  return {
    headers,
    indexes,
    language: leadingLanguage(headers.filter((_, column) => used.has(column))),
    ignored: headers.filter((header, column) => !used.has(column) && header.trim() !== ''),
  };
}

/** Finds a header by its exact text, else by its normalized form. */
export function findHeader(headers: readonly string[], name: string): number | undefined {
  const exact = headers.findIndex((header) => header.trim() === name.trim());
  if (exact >= 0) return exact;
  const normalized = normalizeHeader(name);
  const loose = headers.findIndex((header) => normalizeHeader(header) === normalized);
  return loose >= 0 ? loose : undefined;
}

function applyOverrides(
  headers: readonly string[],
  overrides: Partial<Record<ImportField, string>>,
): Partial<Record<ImportField, number>> {
  const indexes: Partial<Record<ImportField, number>> = {};
  for (const [field, name] of Object.entries(overrides) as [ImportField, string][]) {
    const column = findHeader(headers, name);
    if (column === undefined) throw columnNotFound(field, name, headers);
    indexes[field] = column;
  }
  return indexes;
}

function columnNotFound(field: ImportField, name: string, headers: readonly string[]) {
  const list = headers.map((header) => `'${header}'`).join(', ');
  return new ImportFileError(
    'columnNotFound',
    `The mapping maps ${field} to the column '${name}', but the file has no such column. ` +
      `Its columns are ${list}; correct "columns.${field}" in the mapping.`,
    { field, column: name, headers },
  );
}

/** Returns the language with the most matching headers, or undefined on a tie. */
function leadingLanguage(headers: readonly string[]): HeaderLanguage | undefined {
  const counts = new Map<HeaderLanguage, number>();
  for (const header of headers) {
    for (const language of SYNONYMS.get(normalizeHeader(header))?.languages ?? []) {
      counts.set(language, (counts.get(language) ?? 0) + 1);
    }
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first === undefined || (second !== undefined && second[1] === first[1])) return undefined;
  return first[0];
}

function indexSynonyms(): ReadonlyMap<string, Synonym> {
  const index = new Map<string, Synonym>();
  for (const [field, byLanguage] of Object.entries(HEADER_SYNONYMS) as [
    ImportField,
    Record<HeaderLanguage, readonly string[]>,
  ][]) {
    for (const language of HEADER_LANGUAGES) {
      byLanguage[language].forEach((name, rank) => {
        addSynonym(index, normalizeHeader(name), { field, rank, languages: [language] });
      });
    }
  }
  return index;
}

function addSynonym(index: Map<string, Synonym>, key: string, synonym: Synonym): void {
  const existing = index.get(key);
  if (existing === undefined) {
    index.set(key, synonym);
    return;
  }
  if (existing.field !== synonym.field) {
    throw new Error(
      `header synonym '${key}' is listed for both ${existing.field} and ${synonym.field}`,
    );
  }
  existing.rank = Math.min(existing.rank, synonym.rank);
  existing.languages.push(...synonym.languages);
}
