import type { Instant } from '@dunflow/model';
import { parseInstant } from './calendar';
import { advance } from './interpreter-flow';
import { emit, isBefore, record, type Step } from './interpreter-step';
import { restartFlowTimer, runningFlowTimer } from './interpreter-timers';
import { passFlowTimer } from './interpreter-waits';
import { currentNodeId } from './run-position';
import type { PauseReason } from './run-state';

/**
 * Resume mode of a suspended timer. `remaining`: the time left when the pause began is kept, as
 * after a dispute or a manual pause. `original`: the timer keeps its first target, as after a
 * broken promise, and a target that passed meanwhile starts catch-up.
 */
export type ResumeTiming = 'remaining' | 'original';

/**
 * Adds a pause. The first one cancels the running flow timer and keeps the time it did so,
 * from which the remaining time is restored. An action or evaluation under way still
 * completes, and the run then halts at the next step.
 */
export function addPause(
  step: Step,
  reason: PauseReason,
  data: Record<string, unknown> = {},
): void {
  const { state } = step;
  const timer = runningFlowTimer(step);
  if (state.pausedFor.length === 0) state.pausedAt = step.now;
  state.pausedFor.push(reason);
  state.status = 'paused';
  record(step, 'run.paused', currentNodeId(state.position), { reason, ...data });
  if (timer === undefined) return;

  emit(step, { type: 'cancelTimer', timerId: timer.timerId });
  timer.suspendedAt = step.now;
}

/** Removes a pause; when it was the last one, the run resumes with `timing`. */
export function releasePause(step: Step, reason: PauseReason, timing: ResumeTiming): void {
  const { state } = step;
  state.pausedFor = state.pausedFor.filter((held) => held !== reason);
  const nodeId = currentNodeId(state.position);
  if (state.pausedFor.length > 0) {
    record(step, 'pause.released', nodeId, { reason, pausedFor: [...state.pausedFor] });
    return;
  }
  const pausedAt = state.pausedAt ?? step.now;
  delete state.pausedAt;
  state.status = 'running';
  record(step, 'run.resumed', nodeId, { reason });
  resumeFlow(step, timing, pausedAt);
}

function resumeFlow(step: Step, timing: ResumeTiming, pausedAt: Instant): void {
  const { state } = step;
  const position = state.position;
  if (position.kind === 'halted') {
    // The run stopped between steps, so waits anchored on the previous step start later by
    // the length of the pause. Waits anchored on the due date keep their targets.
    if (timing === 'remaining') state.stepTime = shiftBy(state.stepTime, pausedAt, step.now);
    advance(step, position.next);
    return;
  }
  if (position.kind !== 'timer' || position.suspendedAt === undefined) return;

  // NOTE: the remaining time is kept as elapsed time, so a business-day wait resumed on a
  // Friday may end on a weekend.
  const target =
    timing === 'remaining' ? shiftBy(position.at, position.suspendedAt, step.now) : position.at;
  delete position.suspendedAt;
  if (isBefore(step.now, target)) {
    restartFlowTimer(step, position, target);
    return;
  }
  position.at = target;
  advance(step, passFlowTimer(step, position, isBefore(target, step.now)));
}

/** Moves `instant` later by the time from `from` to `to`. */
function shiftBy(instant: Instant, from: Instant, to: Instant): Instant {
  const shiftMs = parseInstant(to) - parseInstant(from);
  return new Date(parseInstant(instant) + shiftMs).toISOString();
}
