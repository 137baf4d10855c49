import { z } from 'zod';
import {
  AGING_BUCKETS,
  agingBuckets,
  collectionRate,
  openAr,
  standardDso,
  type AmountCount,
  type Database,
} from '@dunflow/db';
import type { LocalDate } from '@dunflow/model';
import type { ApiApp, ApiDependencies } from './api-dependencies';
import { kpiCurrency } from './book-currency';
import { todayOf } from './clock';
import { KPI_DEFINITIONS } from './kpi-definitions';
import { formatAmount } from './money';
import { DateParam, MonthParam } from './query-params';
import { parseQuery } from './request-input';

const KpiQuery = z.strictObject({
  asOf: DateParam.optional(),
  month: MonthParam.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR')
    .optional(),
});

/** DSO periods in days: one month and one quarter, both of 30-day months. */
const DSO_PERIODS = [30, 90] as const;

/** Adds `GET /kpis`: open AR, aging, standard DSO and collection rate, from SQL. */
export function registerKpiRoutes(app: ApiApp, deps: ApiDependencies): void {
  app.get('/kpis', async (c) => {
    const query = parseQuery(c, KpiQuery);
    const asOf = query.asOf ?? todayOf(deps);
    const month = query.month ?? asOf.slice(0, 7);
    const currency = await kpiCurrency(deps.db, asOf, query.currency);
    return c.json({
      asOf,
      month,
      currency,
      ...(await computeKpis(deps.db, asOf, month, currency)),
      definitions: KPI_DEFINITIONS,
    });
  });
}

async function computeKpis(db: Database, asOf: LocalDate, month: string, currency: string) {
  const scope = { currency };
  const withAmount = (total: AmountCount) => ({
    ...total,
    amount: formatAmount(total.amountMinor, currency),
  });
  const buckets = await agingBuckets(db, asOf, scope);
  const rate = await collectionRate(db, asOf, month, scope);
  const dso = [];
  for (const days of DSO_PERIODS) {
    const value = await standardDso(db, asOf, days, scope);
    dso.push({ days, value, formatted: value === null ? null : `${value.toFixed(1)} days` });
  }
  return {
    openAr: withAmount(await openAr(db, asOf, scope)),
    aging: Object.fromEntries(AGING_BUCKETS.map((name) => [name, withAmount(buckets[name])])),
    standardDso: dso,
    collectionRate: {
      ...rate,
      collected: formatAmount(rate.collectedMinor, currency),
      due: formatAmount(rate.dueMinor, currency),
      formatted: rate.rate === null ? null : `${(rate.rate * 100).toFixed(1)}%`,
    },
  };
}
