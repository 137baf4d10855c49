import type { ImportResult } from '@dunflow/importer';
import type { CurrencyKpis } from './kpi-snapshot';

/** Source of the KPIs: a file, with the pure KPIs, or a database, with the SQL ones. */
export type KpiSource =
  { kind: 'file'; file: string; rows: ImportResult['rows'] } | { kind: 'database'; url: string };

/** Output of `dunflow kpi`, printed as it is with --json. */
export interface KpiOutput {
  asOf: string;
  /** The month of the collection rate, `YYYY-MM`. */
  month: string;
  source: KpiSource;
  /** One entry per currency of the book, in code order. */
  currencies: CurrencyKpis[];
}
