import type { ActionCommand, CompiledNode } from '@dunflow/model';
import { InterpreterError } from './interpreter-error';
import { emit, nodeOf, type Step } from './interpreter-step';
import type { ActionEntry } from './run-state';

/** A compiled node that performs a side effect. */
export type ActionNode = Extract<
  CompiledNode,
  { type: 'sendEmail' | 'createPaymentLink' | 'createTask' }
>;

/** Returns the action node with this id, or raises an error when the node is no action. */
export function actionNodeOf(step: Step, nodeId: string): ActionNode {
  const node = nodeOf(step.definition, nodeId);
  if (
    node.type === 'sendEmail' ||
    node.type === 'createPaymentLink' ||
    node.type === 'createTask'
  ) {
    return node;
  }
  throw new InterpreterError(
    `node '${nodeId}' is a ${node.type} node, not an action; the run state does not match the definition`,
    nodeId,
  );
}

/**
 * Sends the action of `entry` and makes the run wait for its `actionCompleted`. `flushFor` names
 * the node to arrive at afterwards when the action was held back by catch-up.
 */
export function sendAction(step: Step, entry: ActionEntry, flushFor?: string): void {
  const node = actionNodeOf(step, entry.nodeId);
  entry.outcome = 'pending';
  entry.at = step.now;
  emit(step, actionCommand(step, node, entry.idempotencyKey));

  const position = {
    kind: 'action' as const,
    nodeId: node.id,
    idempotencyKey: entry.idempotencyKey,
  };
  step.state.position = flushFor === undefined ? position : { ...position, flushFor };
}

function actionCommand(step: Step, node: ActionNode, idempotencyKey: string): ActionCommand {
  const base = { nodeId: node.id, idempotencyKey };
  switch (node.type) {
    case 'sendEmail':
      // Outputs of earlier actions, such as a payment link, fill the template's placeholders.
      return {
        type: 'sendEmail',
        ...base,
        template: node.template,
        variables: { ...step.state.variables },
      };
    case 'createPaymentLink':
      return { type: 'createPaymentLink', ...base };
    case 'createTask':
      return { type: 'createTask', ...base, title: node.title, dueInDays: node.dueInDays };
  }
}
