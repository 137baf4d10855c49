import type { InvoiceReport, TimelineEntry } from '@dunflow/engine';
import { formatTable } from '../output';
import { countOf, formatMoney } from './text-format';

/** Choice of the invoice timelines that text output shows. */
export interface TimelineSelection {
  /** How many of the invoices that entered, in invoice id order. */
  limit: number;
  /** Show this invoice only, whether it entered or not. */
  invoiceId?: string | undefined;
  /** Currency of each invoice by id, for amounts. */
  currencies: ReadonlyMap<string, string>;
}

/** Detail fields left out of text timelines: ids and hashes that --json still carries. */
const HIDDEN_DETAIL = new Set(['definitionHash', 'idempotencyKey', 'invoiceId']);

/** Renders the selected timelines, each under a line with the invoice's end state. */
export function timelineLines(
  invoices: readonly InvoiceReport[],
  selection: TimelineSelection,
): string[] {
  const chosen = chooseInvoices(invoices, selection);
  if (chosen.length === 0) return [];
  return [
    '',
    timelinesHeading(invoices, chosen.length, selection),
    ...chosen.flatMap((invoice) => ['', ...invoiceLines(invoice, selection.currencies)]),
  ];
}

function chooseInvoices(
  invoices: readonly InvoiceReport[],
  selection: TimelineSelection,
): InvoiceReport[] {
  if (selection.invoiceId !== undefined) {
    return invoices.filter((invoice) => invoice.invoiceId === selection.invoiceId);
  }
  return invoices.filter((invoice) => invoice.entered).slice(0, selection.limit);
}

function timelinesHeading(
  invoices: readonly InvoiceReport[],
  shown: number,
  selection: TimelineSelection,
): string {
  if (selection.invoiceId !== undefined) return `Timeline of invoice ${selection.invoiceId} (UTC):`;
  const entered = invoices.filter((invoice) => invoice.entered).length;
  return (
    `Timelines of ${shown} of ${countOf(entered, 'invoice')} that entered (UTC; --timeline N ` +
    'shows N, --invoice ID one, --json all):'
  );
}

function invoiceLines(invoice: InvoiceReport, currencies: ReadonlyMap<string, string>): string[] {
  const currency = currencies.get(invoice.invoiceId) ?? '';
  const open = `open ${formatMoney(invoice.openAmountMinor, currency)} at the end`;
  if (!invoice.entered) {
    return [
      `${invoice.invoiceId}: did not enter (${invoice.reason ?? 'no reason given'}), ${open}`,
    ];
  }
  const outcome = invoice.outcome === undefined ? '' : ` (${invoice.outcome})`;
  const rows = invoice.timeline.map((entry) => entryCells(entry));
  return [
    `${invoice.invoiceId}: ${invoice.status ?? 'not started'}${outcome}, ${open}`,
    ...formatTable(rows),
  ];
}

function entryCells(entry: TimelineEntry): string[] {
  return [
    `  ${entry.at.slice(0, 16).replace('T', ' ')}`,
    entry.nodeId ?? '',
    entry.event,
    detailText(entry),
  ];
}

/** Writes the plain values of an entry's detail as `key=value`, e.g. `segmentId=disputed`. */
function detailText(entry: TimelineEntry): string {
  return Object.entries(entry.detail)
    .filter(([key, value]) => !HIDDEN_DETAIL.has(key) && isPlain(value))
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
}

function isPlain(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
