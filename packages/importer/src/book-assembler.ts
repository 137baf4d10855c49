import type { Customer, Invoice, Payment } from '@dunflow/model';
import type { Book } from './book';
import type { ConvertedRow } from './convert-row';
import type { OnError, RejectedField } from './import-result';
import type { RowReader } from './row-reader';
import { settlementPayment } from './settlement-payment';

/**
 * Collects converted rows into a book, applying the checks that span rows: an invoice number
 * seen on an earlier row (accepted or not), and a customer whose country differs from the
 * first row that names it. Each customer record comes from its first accepted row.
 */
export class BookAssembler {
  readonly rejected: RejectedField[] = [];
  private readonly invoices: Invoice[] = [];
  private readonly customers = new Map<string, Customer>();
  private readonly payments: Payment[] = [];
  private readonly invoiceLines = new Map<string, number>();
  private readonly countries = new Map<string, { countryCode: string; line: number }>();
  private total = 0;
  private rejectedRows = 0;

  add(row: RowReader, converted: ConvertedRow): void {
    this.total++;
    this.checkDuplicate(row, converted.invoiceId);
    this.checkCountry(row, converted);
    const { invoice, customer } = converted;
    if (row.issues.length === 0 && (invoice === undefined || customer === undefined)) {
      throw new Error(`line ${row.line}: the row has no records and no reason; this is a bug`);
    }
    if (row.issues.length > 0 || invoice === undefined || customer === undefined) {
      this.rejected.push(...row.issues);
      this.rejectedRows++;
      return;
    }
    this.invoices.push(invoice);
    if (!this.customers.has(customer.id)) this.customers.set(customer.id, customer);
    const payment = settlementPayment(invoice);
    if (payment !== undefined) this.payments.push(payment);
  }

  /** Returns the book, or an empty one in `rejectFile` mode when any row was rejected. */
  book(onError: OnError): Book {
    if (onError === 'rejectFile' && this.rejectedRows > 0) {
      return { customers: [], invoices: [], payments: [] };
    }
    return {
      customers: [...this.customers.values()],
      invoices: this.invoices,
      payments: this.payments,
    };
  }

  rows(): { total: number; accepted: number; rejected: number } {
    return {
      total: this.total,
      accepted: this.total - this.rejectedRows,
      rejected: this.rejectedRows,
    };
  }

  private checkDuplicate(row: RowReader, invoiceId: string | undefined): void {
    if (invoiceId === undefined) return;
    const firstLine = this.invoiceLines.get(invoiceId);
    if (firstLine === undefined) {
      this.invoiceLines.set(invoiceId, row.line);
      return;
    }
    row.reject('invoiceNumber', `invoice ${invoiceId} already appears on line ${firstLine}`);
  }

  private checkCountry(row: RowReader, converted: ConvertedRow): void {
    const { customerId, countryCode } = converted;
    if (customerId === undefined || countryCode === undefined) return;
    const first = this.countries.get(customerId);
    if (first === undefined) {
      this.countries.set(customerId, { countryCode, line: row.line });
      return;
    }
    if (first.countryCode === countryCode) return;
    row.reject(
      'countryCode',
      `customer ${customerId} has the country ${countryCode} here but ${first.countryCode} on ` +
        `line ${first.line}; one customer has one country`,
    );
  }
}
