import * as sqlKpi from '@dunflow/db';
import type { Database } from '@dunflow/db';
import * as pureKpi from '@dunflow/engine';
import type { AgingBuckets, AmountCount, CollectionRate, KpiBook } from '@dunflow/engine';

/** The DSO periods `dunflow kpi` reports, in days. */
export const DSO_PERIODS = [30, 90] as const;

/** The KPIs of one currency on one date; amounts of different currencies never add up. */
export interface CurrencyKpis {
  currency: string;
  /** Open amount and count of the invoices issued by `asOf` and not settled by then. */
  openAr: AmountCount;
  aging: AgingBuckets;
  /** Standard DSO by period: `days30` and `days90`; null when nothing was invoiced then. */
  dso: { days30: number | null; days90: number | null };
  collectionRate: CollectionRate & { month: string };
}

/** Computes the KPIs of each currency of a book read from a file, with the pure KPIs. */
export function kpisFromBook(book: KpiBook, asOf: string, month: string): CurrencyKpis[] {
  const currencies = [...new Set(book.invoices.map((invoice) => invoice.currency))].sort();
  return currencies.map((currency) => {
    const scope = { currency };
    return {
      currency,
      openAr: pureKpi.openAr(book, asOf, scope),
      aging: pureKpi.agingBuckets(book, asOf, scope),
      dso: {
        days30: pureKpi.standardDso(book, asOf, DSO_PERIODS[0], scope),
        days90: pureKpi.standardDso(book, asOf, DSO_PERIODS[1], scope),
      },
      collectionRate: { month, ...pureKpi.collectionRate(book, asOf, month, scope) },
    };
  });
}

/** Computes the KPIs of each currency in the database, with the SQL KPIs. */
export async function kpisFromDatabase(
  db: Database,
  asOf: string,
  month: string,
): Promise<CurrencyKpis[]> {
  const rows = await db.kysely.selectFrom('invoices').select('currency').distinct().execute();
  const currencies = rows.map((row) => row.currency).sort();
  const kpis: CurrencyKpis[] = [];
  for (const currency of currencies) {
    const scope = { currency };
    kpis.push({
      currency,
      openAr: await sqlKpi.openAr(db, asOf, scope),
      aging: await sqlKpi.agingBuckets(db, asOf, scope),
      dso: {
        days30: await sqlKpi.standardDso(db, asOf, DSO_PERIODS[0], scope),
        days90: await sqlKpi.standardDso(db, asOf, DSO_PERIODS[1], scope),
      },
      collectionRate: { month, ...(await sqlKpi.collectionRate(db, asOf, month, scope)) },
    });
  }
  return kpis;
}
