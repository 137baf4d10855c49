import { z } from 'zod';
import { isKnownCurrency } from './currency';
import { DATE_FORMATS } from './date-format';
import { DELIMITERS } from './detect-delimiter';
import { DATE_FIELDS, IMPORT_FIELDS } from './import-field';
import { MappingError, type MappingIssue } from './mapping-error';

const listOf = (values: readonly string[]) =>
  values.map((value) => JSON.stringify(value)).join(', ');

/** Builds an error message that names the rejected value and the accepted ones. */
const expectedOneOf = (noun: string, values: readonly string[]) => (issue: { input?: unknown }) =>
  `${JSON.stringify(issue.input)} is not ${noun}; expected one of ${listOf(values)}`;

const DateFormatName = z.enum(DATE_FORMATS, {
  error: expectedOneOf('a date format', DATE_FORMATS),
});

const MAPPING_SHAPE = {
  columns: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().min(1, 'expected a column header')),
  dateFormat: z.union([
    z.string().pipe(DateFormatName),
    z.partialRecord(z.enum(DATE_FIELDS), DateFormatName),
  ]),
  decimalSeparator: z.enum([',', '.'], { error: expectedOneOf('a decimal separator', [',', '.']) }),
  delimiter: z.enum(DELIMITERS, { error: expectedOneOf('a delimiter', DELIMITERS) }),
  defaultCurrency: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isKnownCurrency, 'expected a known ISO 4217 currency code such as EUR'),
  country: z.string().trim().min(1, 'expected a country code'),
};

/** The keys allowed at each level of a mapping, for messages about unknown keys. */
const KEYS_BY_PARENT: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(MAPPING_SHAPE),
  columns: IMPORT_FIELDS,
  dateFormat: DATE_FIELDS,
};

/**
 * How to read one ERP's export where detection is not enough. Every key is optional.
 * `columns` names the header of each field. `dateFormat` is one format for every date column
 * or one per date field. `country` is used where the file has no country column or the cell
 * is empty, and `defaultCurrency` (EUR unless set) where the row names no currency.
 */
export const Mapping = z.strictObject({
  columns: MAPPING_SHAPE.columns.default({}),
  dateFormat: MAPPING_SHAPE.dateFormat.optional(),
  decimalSeparator: MAPPING_SHAPE.decimalSeparator.optional(),
  delimiter: MAPPING_SHAPE.delimiter.optional(),
  defaultCurrency: MAPPING_SHAPE.defaultCurrency.default('EUR'),
  country: MAPPING_SHAPE.country.optional(),
});
export type Mapping = z.output<typeof Mapping>;
export type MappingInput = z.input<typeof Mapping>;

/** Validates a mapping already read from JSON. `source` names it in error messages. */
export function parseMapping(json: unknown, source = 'given inline'): Mapping {
  const result = Mapping.safeParse(json);
  if (result.success) return result.data;
  throw new MappingError(
    source,
    result.error.issues.flatMap((issue) => toMappingIssues(issue)),
  );
}

function toMappingIssues(issue: z.core.$ZodIssue, prefix: PropertyKey[] = []): MappingIssue[] {
  const pathKeys = [...prefix, ...issue.path];
  const path = pathKeys.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const allowed = KEYS_BY_PARENT[path] ?? [];
    return [
      { path, message: `unknown key ${listOf(issue.keys)}; expected one of ${listOf(allowed)}` },
    ];
  }
  if (issue.code === 'invalid_key') {
    const allowed = KEYS_BY_PARENT[path] ?? [];
    return [{ path, message: `unknown key; expected one of ${listOf(allowed)}` }];
  }
  if (issue.code === 'invalid_union') return unionIssues(issue, pathKeys);
  if (issue.code === 'invalid_type' && path === '') {
    return [
      { path, message: `expected a JSON object with the keys ${listOf(KEYS_BY_PARENT[''] ?? [])}` },
    ];
  }
  return [{ path, message: issue.message }];
}

/** Reports the union branch that matches the input's type: a format name or an object. */
function unionIssues(issue: z.core.$ZodIssueInvalidUnion, path: PropertyKey[]): MappingIssue[] {
  const wrongType = (branch: z.core.$ZodIssue[]) =>
    branch.length === 1 && branch[0]?.code === 'invalid_type' && branch[0].path.length === 0;
  const branch = issue.errors.find((candidate) => !wrongType(candidate));
  if (branch === undefined) {
    const formats = listOf(DATE_FORMATS);
    return [
      {
        path: path.map(String).join('.'),
        message: `expected one of ${formats}, or an object of date field to format`,
      },
    ];
  }
  return branch.flatMap((inner) => toMappingIssues(inner, path));
}
