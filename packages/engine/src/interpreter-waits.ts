import type { CompiledNode, Instant } from '@dunflow/model';
import { addDays, applyDelay, startOfDay } from './calendar';
import { carryOutNextHeld, skipHeldActions } from './interpreter-catch-up';
import { InterpreterError } from './interpreter-error';
import { isBefore, laterOf, nodeOf, record, type Step } from './interpreter-step';
import { startFlowTimer } from './interpreter-timers';
import type { Continuation, RunContext, TimerPosition } from './run-state';

type TriggerNode = Extract<CompiledNode, { type: 'trigger' }>;
type WaitNode = Extract<CompiledNode, { type: 'wait' }>;
type WaitForEventNode = Extract<CompiledNode, { type: 'waitForEvent' }>;

/**
 * When a run enters the scenario: `overdue` N days at midnight UTC of due date + N,
 * `beforeDue` N days at midnight of due date - N, `onImport` at once (`now`).
 */
export function triggerEntryTime(node: TriggerNode, context: RunContext, now: Instant): Instant {
  const { entry, days } = node.trigger;
  if (entry === 'overdue') return startOfDay(addDays(context.dueDate, days));
  if (entry === 'beforeDue') return startOfDay(addDays(context.dueDate, -days));
  return now;
}

/**
 * Applies the trigger: waits on a timer when the entry time is later than now. Entering after
 * the entry time counts as passing a wait, so the actions that follow are held back (catch-up).
 */
export function arriveAtTrigger(step: Step, node: TriggerNode): Continuation | undefined {
  const entry = triggerEntryTime(node, step.state.context, step.now);
  if (isBefore(step.now, entry)) {
    startFlowTimer(step, node.id, 'trigger', entry);
    return undefined;
  }
  step.state.stepTime = entry;
  step.state.catchingUp = isBefore(entry, step.now);
  return { nodeId: node.next, mode: 'enter' };
}

/**
 * Computes the time a wait ends: its delay applied to midnight UTC of the due date (`dueDate`),
 * or to the time the previous step happened or would have happened (`previous`).
 */
export function waitTarget(step: Step, node: WaitNode): Instant {
  const { context } = step.state;
  const anchor = node.anchor === 'dueDate' ? startOfDay(context.dueDate) : step.state.stepTime;
  return applyDelay(
    anchor,
    node.delay,
    node.calendar,
    step.definition.settings,
    context.countryCode,
  );
}

/**
 * Applies a wait. A target in the past when the wait is entered makes it a passed wait
 * (catch-up). Otherwise held actions are carried out first, then the run waits on a timer,
 * or goes on at once when the target is exactly now.
 */
export function arriveAtWait(
  step: Step,
  node: WaitNode,
  mode: Continuation['mode'],
): Continuation | undefined {
  const target = waitTarget(step, node);
  // After carrying out held actions (`arrive`), the wait was already found to be in the future.
  if (mode === 'enter' && isBefore(target, step.now)) return passWait(step, node, target);
  if (carryOutNextHeld(step, node.id)) return undefined;

  step.state.catchingUp = false;
  if (isBefore(step.now, target)) {
    startFlowTimer(step, node.id, 'wait', target);
    return undefined;
  }
  step.state.stepTime = laterOf(step.state.stepTime, target);
  return { nodeId: node.next, mode: 'enter' };
}

function passWait(step: Step, node: WaitNode, target: Instant): Continuation {
  skipHeldActions(step, `wait '${node.id}' had already passed (${target}) when the run reached it`);
  record(step, 'wait.passed', node.id, { target });
  step.state.stepTime = laterOf(step.state.stepTime, target);
  step.state.catchingUp = true;
  return { nodeId: node.next, mode: 'enter' };
}

/**
 * Applies a wait for event: carries out held actions first, then starts the timeout timer.
 * The timeout counts from now, so the debtor always gets the full time to respond.
 */
export function arriveAtWaitForEvent(step: Step, node: WaitForEventNode): Continuation | undefined {
  if (carryOutNextHeld(step, node.id)) return undefined;

  step.state.catchingUp = false;
  const { settings } = step.definition;
  const deadline = applyDelay(
    step.now,
    node.timeout,
    'calendar',
    settings,
    step.state.context.countryCode,
  );
  startFlowTimer(step, node.id, 'timeout', deadline);
  return undefined;
}

/**
 * Leaves the node of a flow timer that fired, or whose time had passed when a pause ended
 * (`late`, which starts catch-up). Returns the node to enter next.
 */
export function passFlowTimer(step: Step, position: TimerPosition, late: boolean): Continuation {
  const node = nodeOf(step.definition, position.nodeId);
  step.state.stepTime = laterOf(step.state.stepTime, position.at);
  if (late) {
    record(step, 'wait.passed', node.id, { target: position.at });
    step.state.catchingUp = true;
  }
  if (node.type === 'waitForEvent') {
    record(step, 'wait.timedOut', node.id, { deadline: position.at });
    return { nodeId: node.onTimeout, mode: 'enter' };
  }
  if (node.type === 'wait' || node.type === 'trigger') return { nodeId: node.next, mode: 'enter' };
  throw new InterpreterError(
    `timer '${position.timerId}' belongs to ${node.type} node '${node.id}', which has no timer`,
    node.id,
  );
}
