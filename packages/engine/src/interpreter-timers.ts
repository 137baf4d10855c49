import type { Instant } from '@dunflow/model';
import { emit, type Step } from './interpreter-step';
import type { TimerPosition, TimerPurpose } from './run-state';

/**
 * Returns the id of a flow timer: `<nodeId>#<occurrence>` the first time, then
 * `<nodeId>#<occurrence>/<n>` for its n-th restart, so a cancelled timer can never be mistaken
 * for its replacement.
 */
export function flowTimerId(nodeId: string, occurrence: number, restarts: number): string {
  const base = `${nodeId}#${occurrence}`;
  return restarts === 0 ? base : `${base}/${restarts}`;
}

/**
 * Returns the id of the n-th promise-to-pay timer. Node ids cannot contain `:`, so it never
 * clashes with a flow timer.
 */
export function promiseTimerId(count: number): string {
  return `promise:${count}`;
}

/** Starts the first timer of the node's current occurrence and makes it the run's position. */
export function startFlowTimer(
  step: Step,
  nodeId: string,
  purpose: TimerPurpose,
  at: Instant,
): void {
  const occurrence = step.state.occurrences[nodeId] ?? 0;
  const timerId = flowTimerId(nodeId, occurrence, 0);
  step.state.position = { kind: 'timer', nodeId, purpose, occurrence, restarts: 0, timerId, at };
  emit(step, { type: 'startTimer', timerId, at });
}

/** Starts the position's timer again with a new id, firing at `at`. */
export function restartFlowTimer(step: Step, position: TimerPosition, at: Instant): void {
  position.restarts += 1;
  position.timerId = flowTimerId(position.nodeId, position.occurrence, position.restarts);
  position.at = at;
  emit(step, { type: 'startTimer', timerId: position.timerId, at });
}

/** Returns the flow timer that is running now, if any. A suspended timer is not running. */
export function runningFlowTimer(step: Step): TimerPosition | undefined {
  const position = step.state.position;
  if (position.kind !== 'timer' || position.suspendedAt !== undefined) return undefined;
  return position;
}

/** Cancels every running timer: the flow timer and the promise-to-pay timer. */
export function cancelAllTimers(step: Step): void {
  const flowTimer = runningFlowTimer(step);
  if (flowTimer !== undefined) emit(step, { type: 'cancelTimer', timerId: flowTimer.timerId });
  const promise = step.state.promise;
  if (promise !== undefined) emit(step, { type: 'cancelTimer', timerId: promise.timerId });
}
