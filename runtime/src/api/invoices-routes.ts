import { z } from 'zod';
import { getWorkflowRun, listInvoices, openAmountsOn, type InvoiceDetail } from '@dunflow/db';
import { daysBetween } from '@dunflow/engine/interpreter';
import type { LocalDate } from '@dunflow/model';
import { dunningWorkflowId } from '../workflows/dunning-input';
import type { ApiApp, ApiDependencies } from './api-dependencies';
import { notFound } from './api-error';
import { todayOf } from './clock';
import { loadLiveRun } from './live-run';
import { BooleanParam, DateParam, enumParam, IdParam, integerParam } from './query-params';
import { parseQuery } from './request-input';
import { requireInvoice } from './require-invoice';

const MAX_PAGE_SIZE = 1000;

const InvoiceListQuery = z.strictObject({
  status: enumParam(['open', 'settled', 'all']).default('all'),
  asOf: DateParam.optional(),
  customerId: IdParam.optional(),
  overdueOnly: BooleanParam.optional(),
  limit: integerParam(1, MAX_PAGE_SIZE).optional(),
  offset: integerParam(0, Number.MAX_SAFE_INTEGER).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR')
    .optional(),
});

/** Adds the invoice routes: the list, one invoice, and its workflow. */
export function registerInvoiceRoutes(app: ApiApp, deps: ApiDependencies): void {
  app.get('/invoices', async (c) => {
    const query = parseQuery(c, InvoiceListQuery);
    const asOf = query.asOf ?? todayOf(deps);
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const invoices = await listInvoices(deps.db, {
      asOf,
      status: query.status,
      limit,
      offset,
      ...(query.customerId === undefined ? {} : { customerId: query.customerId }),
      ...(query.overdueOnly === undefined ? {} : { overdueOnly: query.overdueOnly }),
      ...(query.currency === undefined ? {} : { currency: query.currency }),
    });
    // A full page may have a next one, and a shorter page is the last.
    const nextOffset = invoices.length === limit ? offset + limit : null;
    return c.json({ asOf, status: query.status, limit, offset, nextOffset, invoices });
  });

  app.get('/invoices/:id', async (c) => {
    const detail = await requireInvoice(deps, c.req.param('id'));
    const run = await getWorkflowRun(deps.db, dunningWorkflowId(detail.invoice.id));
    const position = await positionOf(deps, detail, todayOf(deps));
    return c.json({ ...detail, position, workflowRun: run ?? null });
  });

  app.get('/invoices/:id/workflow', async (c) => {
    const detail = await requireInvoice(deps, c.req.param('id'));
    const invoiceId = detail.invoice.id;
    const workflowId = dunningWorkflowId(invoiceId);
    const run = await getWorkflowRun(deps.db, workflowId);
    if (run === undefined) {
      throw notFound(
        'workflow',
        workflowId,
        `invoice '${invoiceId}' has no dunning run yet; start one with POST /scenarios/{scenarioId}/runs`,
      );
    }
    const live = await loadLiveRun(deps, invoiceId, workflowId);
    return c.json({ run, ...live, events: detail.events });
  });
}

/** Computes the invoice's open amount and days past due on `asOf`, or null before its issue date. */
async function positionOf(deps: ApiDependencies, detail: InvoiceDetail, asOf: LocalDate) {
  const { invoice } = detail;
  const [open] = await openAmountsOn(deps.db, asOf, { invoiceIds: [invoice.id] });
  if (open === undefined) return null;
  return {
    asOf,
    status: open.openAmountMinor > 0 ? 'open' : 'settled',
    paidMinor: open.paidMinor,
    openAmountMinor: open.openAmountMinor,
    daysPastDue: daysBetween(invoice.dueDate, asOf),
  };
}
