import type { SimulationBook } from '@dunflow/engine';
import { openBookAsOf, type Book } from '@dunflow/importer';
import type { LocalDate } from '@dunflow/model';

/**
 * Returns the book the simulator replays. With `asOf`, it is the book as it stood on that
 * date (`openBookAsOf`): invoices issued later are left out, and the payments received after
 * it are the ones the simulation delivers as they arrive. Payments up to `asOf` are kept too,
 * so a partial payment lowers the open amount an invoice enters with. Without `asOf`, the
 * book is replayed as read.
 */
export function simulationBook(book: Book, asOf: LocalDate | undefined): SimulationBook {
  if (asOf === undefined) return book;
  const asOfBook = openBookAsOf(book, asOf);
  return {
    invoices: asOfBook.invoices,
    customers: asOfBook.customers,
    payments: [...asOfBook.payments, ...asOfBook.futurePayments],
  };
}
