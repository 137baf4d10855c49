import type { AwaitedEvent } from '@dunflow/model';
import { advance } from './interpreter-flow';
import { emit, nodeOf, record, type Step } from './interpreter-step';
import { runningFlowTimer } from './interpreter-timers';

/**
 * Returns the exit of the running wait for event for this event, if it awaits the event.
 * Without one the global event rules apply instead.
 */
export function awaitedBranch(step: Step, event: AwaitedEvent): string | undefined {
  const timer = runningFlowTimer(step);
  if (step.state.status !== 'running' || timer?.purpose !== 'timeout') return undefined;
  const node = nodeOf(step.definition, timer.nodeId);
  return node.type === 'waitForEvent' ? node.events[event] : undefined;
}

/** Leaves the wait for event by the event's exit: cancels its timeout and enters the branch. */
export function followBranch(step: Step, event: AwaitedEvent, target: string): void {
  const timer = runningFlowTimer(step);
  if (timer !== undefined) {
    emit(step, { type: 'cancelTimer', timerId: timer.timerId });
    record(step, 'event.awaited', timer.nodeId, { event, branch: target });
  }
  step.state.stepTime = step.now;
  advance(step, { nodeId: target, mode: 'enter' });
}
