import type { Invoice, LocalDate } from '@dunflow/model';
import {
  appendEvent,
  createTask,
  inTransaction,
  kyselyOf,
  openAmountsOn,
  recordPayment,
  type Queryable,
  type StoredPayment,
} from '@dunflow/db';
import { paymentSignal } from '../workflows/signals';
import type { ApiDependencies } from './api-dependencies';
import { ApiError } from './api-error';
import { todayOf } from './clock';
import { formatAmount, majorText } from './money';
import { signalWorkflow } from './signal-workflow';

export interface PaymentRequest {
  invoice: Invoice;
  paymentId: string;
  amountMinor: number;
  receivedOn: LocalDate;
  /**
   * Rejects an amount over the open amount. An operator's entry is checked, but money that a
   * payment provider reports as received is recorded whatever its amount.
   */
  checkOpenAmount: boolean;
}

/** `sent`, or why the running workflow did not get the payment signal. */
export type PaymentSignalStatus = 'sent' | 'noRunningWorkflow' | 'failed';

export interface AppliedPayment {
  payment: StoredPayment;
  /** False when a payment with this id was already recorded: the call was a replay. */
  created: boolean;
  signal: PaymentSignalStatus;
  /** Open amount after the payment, as of today. */
  openAmountMinor: number;
}

/**
 * Records a payment once per payment id (source `api`), then signals the invoice's running
 * workflow, which ignores a payment id it already applied. A failed signal is logged and
 * reported, not raised, because the payment is stored: repeating the call with the same
 * payment id sends the signal again without recording the payment twice.
 */
export async function applyPayment(
  deps: ApiDependencies,
  request: PaymentRequest,
): Promise<AppliedPayment> {
  const { invoice, paymentId, amountMinor } = request;
  const today = todayOf(deps);
  const { payment, created } = await inTransaction(deps.db, (trx) =>
    recordChecked(trx, request, today),
  );
  const signal = await sendPaymentSignal(deps, invoice.id, { paymentId, amountMinor });
  const openAmountMinor = await openAmountOf(deps.db, invoice, today);
  deps.logger.info(
    { invoiceId: invoice.id, paymentId, amountMinor, created, signal },
    'payment recorded',
  );
  return { payment, created, signal, openAmountMinor };
}

async function recordChecked(trx: Queryable, request: PaymentRequest, today: LocalDate) {
  const { invoice, paymentId } = request;
  // Locking the invoice row serialises concurrent payments of one invoice, so two of them
  // cannot both pass the open-amount check.
  await kyselyOf(trx)
    .selectFrom('invoices')
    .select('id')
    .where('id', '=', invoice.id)
    .forUpdate()
    .execute();
  const replay = await kyselyOf(trx)
    .selectFrom('payments')
    .select('id')
    .where('id', '=', paymentId)
    .executeTakeFirst();
  const openBefore = replay === undefined ? await openAmountOf(trx, invoice, today) : 0;
  if (replay === undefined && request.checkOpenAmount) checkWithinOpenAmount(request, openBefore);
  const recorded = await recordPayment(trx, {
    id: paymentId,
    invoiceId: invoice.id,
    amountMinor: request.amountMinor,
    receivedOn: request.receivedOn,
    source: 'api',
  });
  const overpaidMinor = Math.max(request.amountMinor - openBefore, 0);
  if (recorded.created && overpaidMinor > 0) {
    await flagOverpayment(trx, request, openBefore, overpaidMinor, today);
  }
  return recorded;
}

/**
 * Money received beyond the open amount is cash the company owes back or must allocate to
 * another invoice. It is kept on the payment, written to the invoice's history, and handed
 * to a collector as a task due today.
 */
async function flagOverpayment(
  trx: Queryable,
  request: PaymentRequest,
  openMinor: number,
  overpaidMinor: number,
  today: LocalDate,
): Promise<void> {
  const { invoice, paymentId, amountMinor } = request;
  const key = `overpayment:${invoice.id}:${paymentId}`;
  await appendEvent(trx, {
    invoiceId: invoice.id,
    type: 'payment.overpaid',
    occurredAt: new Date().toISOString(),
    data: { paymentId, amountMinor, openAmountMinor: openMinor, overpaidMinor },
    idempotencyKey: key,
  });
  const excess = formatAmount(overpaidMinor, invoice.currency);
  await createTask(trx, {
    idempotencyKey: key,
    invoiceId: invoice.id,
    title: `Refund or allocate ${excess} overpaid by payment '${paymentId}'`,
    dueOn: today,
  });
}

function checkWithinOpenAmount(request: PaymentRequest, openMinor: number): void {
  const { invoice, amountMinor } = request;
  const { currency } = invoice;
  if (openMinor === 0) {
    throw new ApiError(422, 'invoiceSettled', `invoice '${invoice.id}' is already settled`, {
      fix: 'no payment is due; check the invoice id',
      ids: { invoiceId: invoice.id },
    });
  }
  if (amountMinor <= openMinor) return;
  const problem =
    `payment of ${formatAmount(amountMinor, currency)} exceeds the open amount of ` +
    `${formatAmount(openMinor, currency)} of invoice '${invoice.id}'`;
  const fix = `record at most ${majorText(openMinor, currency)} (${openMinor} minor units)`;
  throw new ApiError(422, 'amountExceedsOpenAmount', `${problem}; ${fix}`, {
    fix,
    issues: [{ path: 'amount', message: problem }],
    ids: { invoiceId: invoice.id, paymentId: request.paymentId },
  });
}

/** Returns the open amount after every payment received by today, or by the issue date if later. */
async function openAmountOf(db: Queryable, invoice: Invoice, today: LocalDate): Promise<number> {
  const asOf = invoice.issueDate > today ? invoice.issueDate : today;
  const [position] = await openAmountsOn(db, asOf, { invoiceIds: [invoice.id] });
  return position?.openAmountMinor ?? invoice.amountMinor;
}

async function sendPaymentSignal(
  deps: ApiDependencies,
  invoiceId: string,
  payment: { paymentId: string; amountMinor: number },
): Promise<PaymentSignalStatus> {
  try {
    const sent = await signalWorkflow(deps, invoiceId, 'payment', (handle) =>
      handle.signal(paymentSignal, payment),
    );
    return sent ? 'sent' : 'noRunningWorkflow';
  } catch (error) {
    deps.logger.error(
      { invoiceId, paymentId: payment.paymentId, err: error },
      'payment recorded but the payment signal failed',
    );
    return 'failed';
  }
}
