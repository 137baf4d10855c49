import type { ColumnLayout } from './detect-columns';
import { HEADER_SYNONYMS } from './header-synonyms';
import { ImportFileError } from './import-file-error';
import { REQUIRED_FIELDS, type ImportField } from './import-field';
import type { Mapping } from './mapping';

/**
 * Raises an ImportFileError naming every required field the file has no column for. A file
 * without a country column needs `country` in the mapping.
 */
export function requireColumns(layout: ColumnLayout, mapping: Mapping): void {
  const missing: ImportField[] = REQUIRED_FIELDS.filter(
    (field) => layout.indexes[field] === undefined,
  );
  if (layout.indexes.countryCode === undefined && mapping.country === undefined)
    missing.push('countryCode');
  if (missing.length === 0) return;

  const hints = missing.map((field) => `${field} (e.g. ${examplesOf(field)})`).join('; ');
  const headers = layout.headers.map((header) => `'${header}'`).join(', ');
  const countryHint = missing.includes('countryCode') ? ', or for the country set "country"' : '';
  throw new ImportFileError(
    'missingColumns',
    `No column was found for ${hints}. The file's columns are ${headers}. Name the right ` +
      `column in the mapping's "columns"${countryHint}.`,
    { missing, headers: layout.headers },
  );
}

function examplesOf(field: ImportField): string {
  const { en, fr, es } = HEADER_SYNONYMS[field];
  return [en[0], fr[0], es[0]].map((name) => `'${name ?? ''}'`).join(', ');
}
