import type { InterpreterEvent } from '@dunflow/model';
import { awaitedBranch, followBranch } from './interpreter-branch';
import { completeRun } from './interpreter-complete';
import { settlePromise } from './interpreter-promise';
import { reanchorPendingWait } from './interpreter-reanchor';
import { ignoreEvent, record, type Step } from './interpreter-step';
import { currentNodeId } from './run-position';

type PaymentEvent = Extract<InterpreterEvent, { type: 'payment' }>;

/**
 * Applies a payment. It lowers the open amount, and a payment id already applied is ignored,
 * so a payment delivered twice counts once. Full payment ends the run as `paid`. A partial
 * one follows the payment branch of a wait for event that awaits it, and otherwise restarts
 * the pending wait from now.
 */
export function onPayment(step: Step, event: PaymentEvent): void {
  const { state } = step;
  if (state.paymentIds.includes(event.paymentId)) {
    ignoreEvent(step, event, `payment '${event.paymentId}' was already applied`);
    return;
  }
  state.paymentIds.push(event.paymentId);
  state.openAmountMinor = Math.max(0, state.openAmountMinor - event.amountMinor);
  record(step, 'payment.received', currentNodeId(state.position), {
    paymentId: event.paymentId,
    amountMinor: event.amountMinor,
    openAmountMinor: state.openAmountMinor,
  });

  if (state.openAmountMinor === 0) {
    settlePromise(step);
    completeRun(step, 'paid');
    return;
  }
  const branch = awaitedBranch(step, 'payment');
  if (branch !== undefined) followBranch(step, 'payment', branch);
  else reanchorPendingWait(step);
}
