import { actionNodeOf, sendAction, type ActionNode } from './interpreter-action-command';
import { holdAction } from './interpreter-catch-up';
import { idempotencyKey, type Step } from './interpreter-step';
import type { ActionEntry, ActionPosition, Continuation } from './run-state';

/**
 * Applies an action node: while catching up it is held back, otherwise its command is sent and
 * the run waits for `actionCompleted`. Returns the next step when the run goes on at once.
 */
export function reachAction(step: Step, node: ActionNode): Continuation | undefined {
  const key = idempotencyKey(step, node.id);
  if (step.state.catchingUp) {
    holdAction(step, node, key);
    return { nodeId: node.next, mode: 'enter' };
  }
  const entry: ActionEntry = {
    nodeId: node.id,
    type: node.type,
    idempotencyKey: key,
    at: step.now,
    outcome: 'pending',
  };
  step.state.actions.push(entry);
  sendAction(step, entry);
  return undefined;
}

/**
 * Marks the action of `position` completed and keeps its outputs for later e-mails. Returns
 * the next step: the node after the action, or the node that held actions were carried out for.
 */
export function completeAction(
  step: Step,
  position: ActionPosition,
  output: Record<string, string>,
): Continuation {
  const entry = step.state.actions.find(
    (action) => action.idempotencyKey === position.idempotencyKey,
  );
  if (entry !== undefined) {
    entry.outcome = 'completed';
    entry.completedAt = step.now;
    entry.output = output;
  }
  Object.assign(step.state.variables, output);

  if (position.flushFor !== undefined) return { nodeId: position.flushFor, mode: 'arrive' };
  return { nodeId: actionNodeOf(step, position.nodeId).next, mode: 'enter' };
}
