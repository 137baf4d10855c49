import type { Invoice, LocalDate } from '@dunflow/model';
import { SimulationError } from './simulator-error';

/**
 * Open amounts of every invoice of the book as the simulation's clock moves, including
 * invoices without a run, so customer-wide facts stay right.
 */
export class BookLedger {
  private readonly open = new Map<string, number>();
  private readonly byCustomer = new Map<string, Invoice[]>();

  constructor(invoices: readonly Invoice[]) {
    for (const invoice of invoices) {
      if (this.open.has(invoice.id)) {
        throw new SimulationError(
          `invoice '${invoice.id}' appears twice in the book; give each invoice a unique id`,
          invoice.id,
        );
      }
      this.open.set(invoice.id, invoice.amountMinor);
      const list = this.byCustomer.get(invoice.customerId) ?? [];
      list.push(invoice);
      this.byCustomer.set(invoice.customerId, list);
    }
  }

  has(invoiceId: string): boolean {
    return this.open.has(invoiceId);
  }

  openAmount(invoiceId: string): number {
    return this.open.get(invoiceId) ?? 0;
  }

  /** Lowers the open amount by a payment; an overpayment leaves it at 0. */
  pay(invoiceId: string, amountMinor: number): void {
    this.open.set(invoiceId, Math.max(0, this.openAmount(invoiceId) - amountMinor));
  }

  /** Sets the open amount to 0 and returns what was still open. */
  settle(invoiceId: string): number {
    const remaining = this.openAmount(invoiceId);
    this.open.set(invoiceId, 0);
    return remaining;
  }

  /** Sum of the open amounts of the customer's invoices issued by `date`. */
  customerOpenAmount(customerId: string, date: LocalDate): number {
    return this.issuedBy(customerId, date).reduce(
      (sum, invoice) => sum + this.openAmount(invoice.id),
      0,
    );
  }

  /** Number of the customer's invoices issued by `date`, still open and past due on it. */
  customerOverdueCount(customerId: string, date: LocalDate): number {
    return this.issuedBy(customerId, date).filter(
      (invoice) => invoice.dueDate < date && this.openAmount(invoice.id) > 0,
    ).length;
  }

  private issuedBy(customerId: string, date: LocalDate): Invoice[] {
    return (this.byCustomer.get(customerId) ?? []).filter((invoice) => invoice.issueDate <= date);
  }
}
