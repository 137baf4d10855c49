import type { InterpreterEvent } from '@dunflow/model';
import { addDays, startOfDay } from './calendar';
import { awaitedBranch, followBranch } from './interpreter-branch';
import { addPause, releasePause } from './interpreter-pause';
import { emit, ignoreEvent, isBefore, record, type Step } from './interpreter-step';
import { promiseTimerId } from './interpreter-timers';
import { currentNodeId } from './run-position';

type PromiseToPayEvent = Extract<InterpreterEvent, { type: 'promiseToPay' }>;

/**
 * Applies a promise to pay: a timer runs until the end of the promised date (midnight UTC of
 * the next day). A wait for event that awaits promises follows its branch and the run goes on;
 * otherwise the run pauses until the deadline. A new promise replaces the pending one.
 */
export function onPromiseToPay(step: Step, event: PromiseToPayEvent): void {
  const deadline = startOfDay(addDays(event.promisedDate, 1));
  if (!isBefore(step.now, deadline)) {
    ignoreEvent(step, event, `promised date ${event.promisedDate} has already passed`);
    return;
  }
  const { state } = step;
  const branch = awaitedBranch(step, 'promiseToPay');
  const previous = state.promise;
  if (previous !== undefined) emit(step, { type: 'cancelTimer', timerId: previous.timerId });

  state.promisesMade += 1;
  const timerId = promiseTimerId(state.promisesMade);
  const pausing = branch === undefined;
  state.promise = {
    promisedDate: event.promisedDate,
    madeAt: step.now,
    deadline,
    timerId,
    pausing,
  };
  emit(step, { type: 'startTimer', timerId, at: deadline });
  const data: Record<string, unknown> = { promisedDate: event.promisedDate, deadline };
  if (previous !== undefined) data['replaces'] = previous.promisedDate;
  record(step, 'promise.made', currentNodeId(state.position), data);

  if (branch !== undefined) followBranch(step, 'promiseToPay', branch);
  else if (!state.pausedFor.includes('promise')) addPause(step, 'promise', { until: deadline });
}

/**
 * Breaks the pending promise once its deadline passed without full payment, which would have
 * ended the run. A run paused for the promise resumes where it was, with catch-up.
 */
export function breakPromise(step: Step): void {
  const { state } = step;
  const promise = state.promise;
  if (promise === undefined) return;
  delete state.promise;
  state.promisesBroken += 1;
  record(step, 'promise.broken', currentNodeId(state.position), {
    promisedDate: promise.promisedDate,
    openAmountMinor: state.openAmountMinor,
  });
  if (promise.pausing) releasePause(step, 'promise', 'original');
}

/** Records the pending promise as kept when full payment arrives by its deadline. */
export function settlePromise(step: Step): void {
  const { state } = step;
  const promise = state.promise;
  if (promise === undefined) return;
  const kept = !isBefore(promise.deadline, step.now);
  if (kept) state.promisesKept += 1;
  else state.promisesBroken += 1;
  record(step, kept ? 'promise.kept' : 'promise.broken', currentNodeId(state.position), {
    promisedDate: promise.promisedDate,
  });
}
