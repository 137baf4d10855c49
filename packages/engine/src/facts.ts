import type { Customer, FactValues, Invoice, LocalDate } from '@dunflow/model';
import { toMajorUnits } from './currency-digits';
import { toDayNumber } from './day-number';
import { FactInputError } from './fact-input-error';

/** What computeFacts needs about one invoice on one day. Amounts are in minor units. */
export type FactInput = {
  invoice: Invoice;
  customer?: Customer;
  asOf: LocalDate;
  openAmountMinor: number;
  customerOpenAmountMinor: number;
  customerOverdueCount: number;
  remindersSent: number;
  brokenPromises: number;
};

/**
 * Computes every fact of INVOICE_FACTS for an invoice on `asOf`. Amounts are converted to
 * major units of the invoice's currency (1234 EUR cents become 12.34). `daysPastDue` is
 * `asOf` minus the due date in days, negative before it. Facts from a missing customer or
 * customer field are null. Raises FactInputError on a date or count that is not valid.
 */
export function computeFacts(input: FactInput): FactValues {
  const { invoice, customer } = input;
  const currency = invoice.currency;
  const major = (field: string, minor: number) => toMajorUnits(wholeCount(field, minor), currency);
  return {
    amount: major('invoice.amountMinor', invoice.amountMinor),
    openAmount: major('openAmountMinor', input.openAmountMinor),
    currency,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    daysPastDue: dayNumber('asOf', input.asOf) - dayNumber('invoice.dueDate', invoice.dueDate),
    disputed: invoice.disputed,
    customerId: invoice.customerId,
    countryCode: customer?.countryCode ?? null,
    channel: customer?.channel ?? null,
    language: customer?.language ?? null,
    customerOpenAmount: major('customerOpenAmountMinor', input.customerOpenAmountMinor),
    customerOverdueCount: wholeCount('customerOverdueCount', input.customerOverdueCount),
    remindersSent: wholeCount('remindersSent', input.remindersSent),
    brokenPromises: wholeCount('brokenPromises', input.brokenPromises),
  };
}

/** Returns the count after checking it is a whole number >= 0, so amounts stay exact. */
function wholeCount(field: string, count: number): number {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new FactInputError(field, count, 'a whole number >= 0');
  }
  return count;
}

function dayNumber(field: string, date: string): number {
  const day = toDayNumber(date);
  if (day === undefined) throw new FactInputError(field, date, 'a date as YYYY-MM-DD');
  return day;
}
