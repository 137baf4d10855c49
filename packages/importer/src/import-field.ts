/** The values an import can read from a column, named after the model fields they fill. */
export const IMPORT_FIELDS = [
  'invoiceNumber',
  'customerId',
  'customerName',
  'customerEmail',
  'customerPhone',
  'customerLanguage',
  'countryCode',
  'issueDate',
  'dueDate',
  'amount',
  'currency',
  'disputed',
  'settledDate',
  'paperlessDate',
  'channel',
  'daysToSettle',
  'daysLate',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The fields that contain dates. Each gets its own detected date format. */
export const DATE_FIELDS = ['issueDate', 'dueDate', 'settledDate', 'paperlessDate'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/** The fields every file needs a column for. The country may come from the mapping instead. */
export const REQUIRED_FIELDS = [
  'invoiceNumber',
  'customerId',
  'issueDate',
  'dueDate',
  'amount',
] as const satisfies readonly ImportField[];

export function isDateField(field: ImportField): field is DateField {
  return (DATE_FIELDS as readonly string[]).includes(field);
}
