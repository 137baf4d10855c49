import { readFile } from 'node:fs/promises';
import { compile, evaluateCondition, segmentOf, simulate } from '@dunflow/engine';
import { daysBetween, readBookFile } from '@dunflow/importer';
import type { CompiledDefinition, Invoice, ScenarioInput } from '@dunflow/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { IBM_FIXTURE } from './run-dunflow';

/** A scenario that only waits for the invoice to be paid, so every settlement shows. */
const AWAIT_PAYMENT: ScenarioInput = {
  formatVersion: 1,
  kind: 'scenario',
  id: 'await-payment',
  name: 'Await payment',
  nodes: [
    { id: 'start', type: 'trigger', data: { entry: 'onImport', days: 0 } },
    { id: 'await', type: 'waitForEvent', data: { events: ['payment'], timeout: 'P400D' } },
    { id: 'paid', type: 'end', data: { outcome: 'completed' } },
    { id: 'unpaid', type: 'end', data: { outcome: 'escalated' } },
  ],
  edges: [
    { id: 'start-await', source: 'start', target: 'await' },
    { id: 'await-paid', source: 'await', target: 'paid', sourceHandle: 'payment' },
    { id: 'await-unpaid', source: 'await', target: 'unpaid', sourceHandle: 'timeout' },
  ],
};

interface Expected {
  daysToSettle: number;
  daysLate: number;
}

/** Reads the DaysToSettle and DaysLate columns of the sample, by invoice number. */
async function publishedColumns(): Promise<Map<string, Expected>> {
  const [header = '', ...lines] = (await readFile(IBM_FIXTURE, 'utf8')).trim().split(/\r?\n/);
  const names = header.split(',');
  const column = (name: string) => names.indexOf(name);
  const columns = new Map<string, Expected>();
  for (const line of lines) {
    const cells = line.split(',');
    columns.set(cells[column('invoiceNumber')] ?? '', {
      daysToSettle: Number(cells[column('DaysToSettle')]),
      daysLate: Number(cells[column('DaysLate')]),
    });
  }
  return columns;
}

/** Simulates the invoices issued on one day from that day, and returns each one's settled day. */
async function settledDays(
  definition: CompiledDefinition,
  invoices: Invoice[],
  book: Awaited<ReturnType<typeof readBookFile>>,
): Promise<Map<string, string>> {
  const issued = invoices[0]?.issueDate ?? '';
  const ids = new Set(invoices.map((invoice) => invoice.id));
  const until = invoices.reduce((last, invoice) => {
    const settled = invoice.settledDate ?? invoice.dueDate;
    return settled > last ? settled : last;
  }, issued);
  const report = await simulate(
    definition,
    {
      invoices,
      customers: book.customers,
      payments: book.payments.filter((p) => ids.has(p.invoiceId)),
    },
    {
      asOf: issued,
      until,
      evaluate: {
        condition: (rule, facts) => evaluateCondition(rule, facts),
        segment: (ruleSet, facts) => segmentOf(ruleSet, facts),
      },
    },
  );
  const days = new Map<string, string>();
  for (const invoice of report.invoices) {
    const paid = invoice.timeline.find(
      (entry) => entry.event === 'payment.received' && entry.detail['openAmountMinor'] === 0,
    );
    // An invoice settled on its issue day is settled before it can enter.
    if (paid !== undefined) days.set(invoice.invoiceId, paid.at.slice(0, 10));
    else if (!invoice.entered) days.set(invoice.invoiceId, issued);
  }
  return days;
}

describe('simulate the IBM book to its settlements', () => {
  let expected: Map<string, Expected>;
  let simulated: Map<string, Expected>;

  beforeAll(async () => {
    const compiled = compile(AWAIT_PAYMENT, { templates: [], ruleSets: [] });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const book = await readBookFile(IBM_FIXTURE);
    const byIssueDate = new Map<string, Invoice[]>();
    for (const invoice of book.invoices) {
      byIssueDate.set(invoice.issueDate, [...(byIssueDate.get(invoice.issueDate) ?? []), invoice]);
    }
    simulated = new Map();
    for (const invoices of byIssueDate.values()) {
      const days = await settledDays(compiled.definition, invoices, book);
      for (const invoice of invoices) {
        const day = days.get(invoice.id);
        if (day === undefined) continue;
        simulated.set(invoice.id, {
          daysToSettle: daysBetween(invoice.issueDate, day),
          daysLate: Math.max(0, daysBetween(invoice.dueDate, day)),
        });
      }
    }
    expected = await publishedColumns();
  }, 120_000);

  it('settles every row of the sample', () => {
    expect(expected.size).toBe(2_466);
    expect(simulated.size).toBe(2_466);
  });

  it('reproduces DaysToSettle and DaysLate on every row', () => {
    const mismatches = [...expected].filter(([invoiceId, columns]) => {
      const got = simulated.get(invoiceId);
      return got?.daysToSettle !== columns.daysToSettle || got.daysLate !== columns.daysLate;
    });
    expect(mismatches).toEqual([]);
  });
});
