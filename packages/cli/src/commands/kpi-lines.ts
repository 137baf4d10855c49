import { AGING_BUCKETS, type AgingBucket } from '@dunflow/engine';
import { formatTable } from '../output';
import type { KpiOutput } from './kpi-output';
import type { CurrencyKpis } from './kpi-snapshot';
import { countOf, formatMoney } from './text-format';

const BUCKET_LABELS: Record<AgingBucket, string> = {
  notDue: 'not due',
  pastDue1To30: '1-30 days past due',
  pastDue31To60: '31-60 days past due',
  pastDue61To90: '61-90 days past due',
  pastDueOver90: 'over 90 days past due',
};

/** Renders the KPIs as text, one block per currency. */
export function kpiLines(output: KpiOutput): string[] {
  const source =
    output.source.kind === 'file'
      ? `the file ${output.source.file}`
      : `the database ${output.source.url}`;
  const heading = [`KPIs as of ${output.asOf} from ${source}`];
  if (output.source.kind === 'file' && output.source.rows.rejected > 0) {
    heading.push(
      `Skipped ${countOf(output.source.rows.rejected, 'invalid row')} of the file; ` +
        '`dunflow import FILE --dry-run` lists them',
    );
  }
  if (output.currencies.length === 0) return [...heading, '', 'The book has no invoices.'];
  return [...heading, ...output.currencies.flatMap((kpis) => ['', ...currencyLines(kpis)])];
}

function currencyLines(kpis: CurrencyKpis): string[] {
  const { openAr } = kpis;
  return [
    kpis.currency,
    `Open AR: ${formatMoney(openAr.amountMinor, kpis.currency)} in ${countOf(openAr.count, 'invoice')}`,
    'Aging:',
    ...agingLines(kpis),
    `DSO over 30 days: ${dsoText(kpis.dso.days30, 30)}`,
    `DSO over 90 days: ${dsoText(kpis.dso.days90, 90)}`,
    collectionRateLine(kpis),
  ];
}

/** Lists the buckets with their amounts aligned on the right. */
function agingLines(kpis: CurrencyKpis): string[] {
  const amounts = AGING_BUCKETS.map((bucket) =>
    formatMoney(kpis.aging[bucket].amountMinor, kpis.currency),
  );
  const width = Math.max(...amounts.map((amount) => amount.length));
  const rows = AGING_BUCKETS.map((bucket, index) => [
    `  ${BUCKET_LABELS[bucket]}`,
    (amounts[index] ?? '').padStart(width),
    countOf(kpis.aging[bucket].count, 'invoice'),
  ]);
  return formatTable(rows);
}

function dsoText(dso: number | null, days: number): string {
  return dso === null ? `none (nothing invoiced in the ${days} days)` : `${dso.toFixed(1)} days`;
}

function collectionRateLine(kpis: CurrencyKpis): string {
  const { month, rate, collectedMinor, dueMinor } = kpis.collectionRate;
  const heading = `Collection rate of ${month}`;
  if (rate === null) return `${heading}: none, because no invoice was due that month`;
  const collected = formatMoney(collectedMinor, kpis.currency);
  const due = formatMoney(dueMinor, kpis.currency);
  return `${heading}: ${(rate * 100).toFixed(1)}% (${collected} collected of ${due} due)`;
}
