import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { LocalDate } from '@dunflow/model';
import type { RunView } from '@dunflow/engine/interpreter';

export interface PaymentSignal {
  paymentId: string;
  amountMinor: number;
}

export interface PromiseToPaySignal {
  promisedDate: LocalDate;
}

export interface ReasonSignal {
  reason?: string;
}

export interface DisputeResolvedSignal {
  resolution: 'resume' | 'cancelInvoice';
}

export const paymentSignal = defineSignal<[PaymentSignal]>('payment');
export const promiseToPaySignal = defineSignal<[PromiseToPaySignal]>('promiseToPay');
export const disputeOpenedSignal = defineSignal<[ReasonSignal]>('disputeOpened');
export const disputeResolvedSignal = defineSignal<[DisputeResolvedSignal]>('disputeResolved');
export const pauseSignal = defineSignal<[ReasonSignal]>('pause');
export const resumeSignal = defineSignal('resume');
export const cancelSignal = defineSignal<[ReasonSignal]>('cancel');

/** The run as the interpreter describes it: current node, next action and when, actions taken. */
export const runViewQuery = defineQuery<RunView>('runView');
