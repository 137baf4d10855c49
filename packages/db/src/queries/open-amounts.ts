import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import { checkLocalDate } from '../local-date';
import type { BookScope } from './invoice-positions';
import { invoicePositionsOn } from './invoice-positions';

/** An invoice's payments and open amount at the end of a date, in minor units. */
export interface OpenAmount {
  invoiceId: string;
  paidMinor: number;
  openAmountMinor: number;
}

export interface OpenAmountOptions extends BookScope {
  /** Only these invoices; all issued by the date when absent. */
  invoiceIds?: readonly string[];
}

/**
 * Returns the open amount of each invoice issued on or before `asOf`, ordered by invoice id.
 * It is 0 from the settled date on, else the amount minus the payments received by then,
 * never below 0.
 */
export async function openAmountsOn(
  db: Queryable,
  asOf: string,
  options: OpenAmountOptions = {},
): Promise<OpenAmount[]> {
  checkLocalDate('asOf', asOf);
  const { invoiceIds } = options;
  if (invoiceIds?.length === 0) return [];
  const kysely = kyselyOf(db);

  const rows = await kysely
    .selectFrom(invoicePositionsOn(kysely, asOf, options).as('position'))
    .select(['id', 'paid_minor', 'open_minor'])
    .$if(invoiceIds !== undefined, (query) => query.where('id', 'in', invoiceIds ?? []))
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    invoiceId: row.id,
    paidMinor: row.paid_minor,
    openAmountMinor: row.open_minor,
  }));
}
