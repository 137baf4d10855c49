import type { CompiledNode } from '@dunflow/model';
import { reachAction } from './interpreter-actions';
import { carryOutNextHeld } from './interpreter-catch-up';
import { completeRun } from './interpreter-complete';
import { requestCondition, requestSwitch } from './interpreter-decisions';
import { InterpreterError } from './interpreter-error';
import { nodeOf, record, type Step } from './interpreter-step';
import { arriveAtTrigger, arriveAtWait, arriveAtWaitForEvent } from './interpreter-waits';
import type { Continuation } from './run-state';

/**
 * Upper bound on nodes entered in one transition. Every cycle contains a wait, and a passed wait
 * moves the anchor on by its delay, so only a cycle of zero-length waits can reach it.
 */
const MAX_NODES_PER_TRANSITION = 10_000;

/**
 * Carries out steps from `first` until the run waits for an event or ends. A loop, not
 * recursion, so a long catch-up through a cycle cannot overflow the stack.
 */
export function advance(step: Step, first: Continuation): void {
  let next: Continuation | undefined = first;
  for (let count = 0; next !== undefined; count += 1) {
    if (count === MAX_NODES_PER_TRANSITION) {
      throw new InterpreterError(
        `node '${next.nodeId}' is still being entered after ${MAX_NODES_PER_TRANSITION} nodes in one ` +
          'transition; give the waits of the cycle through it a delay longer than zero',
        next.nodeId,
      );
    }
    next = takeStep(step, next);
  }
}

/** Continues with `next`, unless the run is paused. A paused run halts there until it resumes. */
export function continueRun(step: Step, next: Continuation): void {
  if (step.state.status === 'paused') {
    step.state.position = { kind: 'halted', next };
    return;
  }
  advance(step, next);
}

function takeStep(step: Step, next: Continuation): Continuation | undefined {
  const node = nodeOf(step.definition, next.nodeId);
  if (next.mode === 'enter') enterNode(step, node);
  return arriveAt(step, node, next.mode);
}

/** Counts an occurrence of the node: 1 the first time the run enters it. */
function enterNode(step: Step, node: CompiledNode): void {
  const occurrence = (step.state.occurrences[node.id] ?? 0) + 1;
  step.state.occurrences[node.id] = occurrence;
  record(step, 'node.entered', node.id, { nodeType: node.type, occurrence });
}

function arriveAt(
  step: Step,
  node: CompiledNode,
  mode: Continuation['mode'],
): Continuation | undefined {
  switch (node.type) {
    case 'trigger':
      return arriveAtTrigger(step, node);
    case 'wait':
      return arriveAtWait(step, node, mode);
    case 'condition':
      requestCondition(step, node);
      return undefined;
    case 'switch':
      requestSwitch(step, node);
      return undefined;
    case 'sendEmail':
    case 'createPaymentLink':
    case 'createTask':
      return reachAction(step, node);
    case 'waitForEvent':
      return arriveAtWaitForEvent(step, node);
    case 'end':
      arriveAtEnd(step, node);
      return undefined;
  }
}

/** Ends the run with the node's outcome, after carrying out any held actions. */
function arriveAtEnd(step: Step, node: Extract<CompiledNode, { type: 'end' }>): void {
  if (carryOutNextHeld(step, node.id)) return;
  completeRun(step, node.outcome, node.id);
}
