import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { LocalDate, Reference, type Invoice } from '@dunflow/model';
import type { ApiApp, ApiDependencies } from './api-dependencies';
import { ApiError } from './api-error';
import { applyPayment } from './apply-payment';
import { todayOf } from './clock';
import { toMinorUnits } from './money';
import { parseJsonBody } from './request-input';
import { requireInvoice } from './require-invoice';

const PaymentBody = z.strictObject({
  /** Makes the call idempotent: the same id records the payment once. */
  paymentId: Reference.optional(),
  /** In major units, e.g. `'12.34'` euros. */
  amount: z
    .union([z.string(), z.number()], { error: "expected a decimal number, e.g. '12.34' or 12.34" })
    .optional(),
  amountMinor: z.number().int('expected a whole number of minor units').optional(),
  receivedOn: LocalDate.optional(),
});
type PaymentBody = z.output<typeof PaymentBody>;

/** Adds `POST /invoices/:id/payments`, which records a payment and signals the workflow. */
export function registerPaymentRoutes(app: ApiApp, deps: ApiDependencies): void {
  app.post('/invoices/:id/payments', async (c) => {
    const { invoice } = await requireInvoice(deps, c.req.param('id'));
    const body = await parseJsonBody(c, PaymentBody);
    const today = todayOf(deps);
    const receivedOn = body.receivedOn ?? today;
    if (receivedOn > today) {
      throw new ApiError(422, 'receivedInFuture', `receivedOn '${receivedOn}' is after today`, {
        fix: `record a payment when it has arrived, with a date up to ${today}`,
        issues: [{ path: 'receivedOn', message: `'${receivedOn}' is after today, ${today}` }],
      });
    }
    const applied = await applyPayment(deps, {
      invoice,
      paymentId: body.paymentId ?? `api-${randomUUID()}`,
      amountMinor: amountOf(body, invoice),
      receivedOn,
      checkOpenAmount: true,
    });
    return c.json(applied, applied.created ? 201 : 200);
  });
}

/** Reads the amount in minor units from `amount` or `amountMinor`, and rejects 0. */
function amountOf(body: PaymentBody, invoice: Invoice): number {
  requireOneAmount(body, invoice.currency);
  const field = body.amount === undefined ? 'amountMinor' : 'amount';
  const amountMinor =
    body.amount === undefined
      ? checkMinorUnits(body.amountMinor ?? 0)
      : toMinorUnits(body.amount, invoice.currency);
  if (amountMinor === 0) {
    const problem = `${field} is 0, but a payment must be greater than 0`;
    throw new ApiError(422, 'invalidAmount', problem, {
      fix: 'record the amount received',
      issues: [{ path: field, message: problem }],
    });
  }
  return amountMinor;
}

function requireOneAmount(body: PaymentBody, currency: string): void {
  if ((body.amount === undefined) !== (body.amountMinor === undefined)) return;
  const problem = `give amount or amountMinor, but ${body.amount === undefined ? 'neither is' : 'both are'} set`;
  throw new ApiError(422, 'invalidAmount', problem, {
    fix: `send e.g. { "amount": "12.34" } in ${currency}, or { "amountMinor": 1234 }`,
    issues: [{ path: 'amount', message: problem }],
  });
}

function checkMinorUnits(amountMinor: number): number {
  if (amountMinor >= 0 && Number.isSafeInteger(amountMinor)) return amountMinor;
  const problem = `amountMinor ${amountMinor} is ${amountMinor < 0 ? 'negative' : 'too large'}`;
  throw new ApiError(422, 'invalidAmount', problem, {
    fix: 'send the amount received as a positive whole number of minor units, e.g. 1234 cents',
    issues: [{ path: 'amountMinor', message: problem }],
  });
}
