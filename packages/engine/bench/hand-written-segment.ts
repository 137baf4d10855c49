import type { FactValues } from '@dunflow/model';

/** The facts of one generated invoice, as the hand-written function reads them. */
type InvoiceFacts = {
  amount: number;
  openAmount: number;
  currency: string;
  issueDate: string;
  dueDate: string;
  daysPastDue: number;
  disputed: boolean;
  countryCode: string | null;
  channel: string | null;
  language: string | null;
  customerOpenAmount: number;
  customerOverdueCount: number;
  remindersSent: number;
  brokenPromises: number;
};

/**
 * BENCH_RULE_SET written by hand, the fastest code for its logic. Dates compare as text, which
 * orders valid `YYYY-MM-DD` dates correctly. Only the customer facts may be null here, and a
 * null fails every comparison below except under `not`. It checks no fact types.
 */
export function handWrittenSegment(values: FactValues): string {
  const f = values as unknown as InvoiceFacts;
  const country = f.countryCode;
  if (
    f.disputed &&
    f.openAmount >= 5000 &&
    (country === 'FR' || country === 'BE' || f.channel === 'paper')
  ) {
    return 'disputed-large';
  }
  if (
    f.daysPastDue > 90 &&
    f.openAmount >= 1000 &&
    (f.brokenPromises >= 2 || f.remindersSent >= 3) &&
    !f.disputed
  ) {
    return 'legal';
  }
  if (
    f.brokenPromises >= 1 &&
    (f.daysPastDue > 30 || f.customerOverdueCount >= 3) &&
    f.openAmount > 100
  ) {
    return 'broken-promises';
  }
  return laterSegment(f, country);
}

function laterSegment(f: InvoiceFacts, country: string | null): string {
  if (
    f.customerOpenAmount >= 50_000 &&
    (f.language === 'fr' || f.language === 'de') &&
    f.daysPastDue <= 60
  ) {
    return 'key-account';
  }
  if (
    country !== 'FR' &&
    country !== 'BE' &&
    country !== 'LU' &&
    f.currency !== 'EUR' &&
    (f.amount > 2000 || f.customerOverdueCount > 1)
  ) {
    return 'export';
  }
  if (
    f.issueDate < '2023-06-01' &&
    f.openAmount > 0 &&
    (f.remindersSent === 0 || f.channel === 'paper')
  ) {
    return 'old-invoices';
  }
  return lastSegment(f, country);
}

function lastSegment(f: InvoiceFacts, country: string | null): string {
  if (
    f.channel === 'electronic' &&
    f.openAmount < 200 &&
    f.daysPastDue >= 1 &&
    (f.language === 'en' || f.language === 'nl' || country === 'NL') &&
    !f.disputed
  ) {
    return 'electronic-small';
  }
  if (f.daysPastDue < 0 && f.dueDate <= '2024-10-15' && f.amount >= 500) return 'due-soon';
  if (
    (f.customerOverdueCount >= 5 && f.daysPastDue > 15) ||
    (f.remindersSent >= 2 && f.brokenPromises === 0 && f.openAmount >= 250)
  ) {
    return 'repeat-late';
  }
  if (
    f.daysPastDue >= 31 &&
    f.daysPastDue <= 60 &&
    (f.openAmount >= 500 || f.customerOpenAmount >= 5000)
  ) {
    return 'mid-overdue';
  }
  return 'standard';
}
