import type { CompiledDelay, CompiledNode } from '@dunflow/model';
import { applyDelay, type DelayCalendar } from './calendar';
import { emit, isBefore, nodeOf, record, type Step } from './interpreter-step';
import { restartFlowTimer } from './interpreter-timers';

/**
 * Restarts the pending wait from now after a partial payment, so the debtor gets the full
 * interval again before the next reminder. It applies to waits and to the timeout of a wait
 * for event, not to the trigger. A restart never brings a timer forward: when the new target
 * is not later than the current one, the timer stays. During a pause only the suspended
 * target moves, and the full interval counts from the payment.
 */
export function reanchorPendingWait(step: Step): void {
  const position = step.state.position;
  if (position.kind !== 'timer' || position.purpose === 'trigger') return;

  const node = nodeOf(step.definition, position.nodeId);
  const interval = intervalOf(node);
  if (interval === undefined) return;
  const { settings } = step.definition;
  const countryCode = step.state.context.countryCode;
  const target = applyDelay(step.now, interval.delay, interval.calendar, settings, countryCode);
  if (!isBefore(position.at, target)) return;

  record(step, 'wait.reanchored', node.id, { from: position.at, to: target });
  if (position.suspendedAt !== undefined) {
    position.at = target;
    position.suspendedAt = step.now;
    return;
  }
  emit(step, { type: 'cancelTimer', timerId: position.timerId });
  restartFlowTimer(step, position, target);
}

function intervalOf(
  node: CompiledNode,
): { delay: CompiledDelay; calendar: DelayCalendar } | undefined {
  if (node.type === 'wait') return { delay: node.delay, calendar: node.calendar };
  if (node.type === 'waitForEvent') return { delay: node.timeout, calendar: 'calendar' };
  return undefined;
}
