import { sendAction, type ActionNode } from './interpreter-action-command';
import { record, type Step } from './interpreter-step';
import type { ActionEntry } from './run-state';

/*
 * Catch-up: a run that reaches a wait whose target has already passed moves on at once, but it
 * does not fire every overdue step. Actions reached after a passed wait are held back. Reaching
 * another passed wait skips them, and reaching a wait in the future, a wait for event or an end
 * carries them out in order. An invoice entering 20 days late into "day 3 e-mail, day 10
 * e-mail, day 30 letter" thus gets the day-10 e-mail now and the letter on day 30.
 */

/** Records an action reached while catching up, without sending it yet. */
export function holdAction(step: Step, node: ActionNode, idempotencyKey: string): void {
  step.state.actions.push({
    nodeId: node.id,
    type: node.type,
    idempotencyKey,
    at: step.now,
    outcome: 'held',
  });
}

export function heldActions(step: Step): ActionEntry[] {
  return step.state.actions.filter((entry) => entry.outcome === 'held');
}

/**
 * Skips every held action, recording each with the reason.
 * NOTE: a skipped createPaymentLink leaves the e-mails after it without a `paymentLink`.
 */
export function skipHeldActions(step: Step, reason: string): void {
  for (const entry of heldActions(step)) {
    entry.outcome = 'skipped';
    entry.at = step.now;
    entry.reason = reason;
    record(step, 'action.skipped', entry.nodeId, {
      actionType: entry.type,
      idempotencyKey: entry.idempotencyKey,
      reason,
    });
  }
}

/**
 * Sends the oldest held action, if any, and returns whether it did. The run arrives at
 * `flushFor` again once the action completes, so held actions go out one at a time, in order.
 */
export function carryOutNextHeld(step: Step, flushFor: string): boolean {
  const next = heldActions(step)[0];
  if (next === undefined) return false;
  sendAction(step, next, flushFor);
  return true;
}
