import type { CompiledNode } from '@dunflow/model';
import { InterpreterError } from './interpreter-error';
import { emit, idempotencyKey, record, type Step } from './interpreter-step';
import type { Continuation } from './run-state';

type ConditionNode = Extract<CompiledNode, { type: 'condition' }>;
type SwitchNode = Extract<CompiledNode, { type: 'switch' }>;

/** Asks the driver to evaluate the condition's rule; it responds with `conditionEvaluated`. */
export function requestCondition(step: Step, node: ConditionNode): void {
  const key = idempotencyKey(step, node.id);
  emit(step, { type: 'evaluateCondition', nodeId: node.id, idempotencyKey: key });
  step.state.position = { kind: 'evaluation', nodeId: node.id, idempotencyKey: key };
}

/**
 * Asks the driver which segment of the switch's rule set applies. The driver responds with
 * `segmentEvaluated`.
 */
export function requestSwitch(step: Step, node: SwitchNode): void {
  const key = idempotencyKey(step, node.id);
  emit(step, {
    type: 'evaluateSwitch',
    nodeId: node.id,
    idempotencyKey: key,
    ruleSet: node.ruleSet,
  });
  step.state.position = { kind: 'evaluation', nodeId: node.id, idempotencyKey: key };
}

export function conditionExit(step: Step, node: ConditionNode, result: boolean): Continuation {
  record(step, 'condition.evaluated', node.id, { result });
  return { nodeId: result ? node.onTrue : node.onFalse, mode: 'enter' };
}

/**
 * Returns the branch of a segment. A segment with no branch of its own, or an id the rule set
 * does not know, follows the branch of the rule set's default segment.
 */
export function switchExit(step: Step, node: SwitchNode, segmentId: string): Continuation {
  const own = node.branches[segmentId];
  const defaultSegment = step.definition.ruleSets[node.ruleSet]?.defaultSegment;
  const target = own ?? (defaultSegment === undefined ? undefined : node.branches[defaultSegment]);
  if (target === undefined) {
    throw new InterpreterError(
      `switch '${node.id}' has no branch for segment '${segmentId}' nor for the default segment ` +
        `of rule set '${node.ruleSet}'; recompile the scenario so every segment has a branch`,
      node.id,
    );
  }
  record(step, 'segment.evaluated', node.id, { segmentId, usedDefault: own === undefined });
  return { nodeId: target, mode: 'enter' };
}
