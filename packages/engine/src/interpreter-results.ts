import type { CompiledNode, InterpreterEvent } from '@dunflow/model';
import { completeAction } from './interpreter-actions';
import { conditionExit, switchExit } from './interpreter-decisions';
import { advance, continueRun } from './interpreter-flow';
import { breakPromise } from './interpreter-promise';
import { ignoreEvent, nodeOf, type Step } from './interpreter-step';
import { runningFlowTimer } from './interpreter-timers';
import { passFlowTimer } from './interpreter-waits';

type EventOf<T extends InterpreterEvent['type']> = Extract<InterpreterEvent, { type: T }>;

/** Applies a fired timer: the flow timer moves the run on, the promise timer breaks the promise. */
export function onTimerFired(step: Step, event: EventOf<'timerFired'>): void {
  const flowTimer = runningFlowTimer(step);
  if (flowTimer?.timerId === event.timerId) {
    advance(step, passFlowTimer(step, flowTimer, false));
    return;
  }
  if (step.state.promise?.timerId === event.timerId) {
    breakPromise(step);
    return;
  }
  // A timer that was cancelled or replaced may still fire in some drivers.
  ignoreEvent(step, event, `timer '${event.timerId}' is not pending`);
}

export function onConditionEvaluated(step: Step, event: EventOf<'conditionEvaluated'>): void {
  const node = awaitedEvaluation(step, event, 'condition');
  if (node?.type === 'condition') continueRun(step, conditionExit(step, node, event.result));
}

export function onSegmentEvaluated(step: Step, event: EventOf<'segmentEvaluated'>): void {
  const node = awaitedEvaluation(step, event, 'switch');
  if (node?.type === 'switch') continueRun(step, switchExit(step, node, event.segmentId));
}

/** Applies an action's result. If a pause began meanwhile, the run halts at the next step. */
export function onActionCompleted(step: Step, event: EventOf<'actionCompleted'>): void {
  const position = step.state.position;
  if (position.kind !== 'action' || position.nodeId !== event.nodeId) {
    ignoreEvent(step, event, `the run is not waiting for action '${event.nodeId}'`);
    return;
  }
  continueRun(step, completeAction(step, position, event.output));
}

function awaitedEvaluation(
  step: Step,
  event: EventOf<'conditionEvaluated' | 'segmentEvaluated'>,
  type: 'condition' | 'switch',
): CompiledNode | undefined {
  const position = step.state.position;
  const node = step.definition.nodes[event.nodeId];
  if (position.kind !== 'evaluation' || position.nodeId !== event.nodeId || node?.type !== type) {
    ignoreEvent(step, event, `the run is not waiting for ${type} '${event.nodeId}'`);
    return undefined;
  }
  return nodeOf(step.definition, event.nodeId);
}
