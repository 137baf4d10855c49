import type { InterpreterEvent } from '@dunflow/model';
import { awaitedBranch, followBranch } from './interpreter-branch';
import { completeRun } from './interpreter-complete';
import { addPause, releasePause } from './interpreter-pause';
import { ignoreEvent, record, type Step } from './interpreter-step';
import { currentNodeId } from './run-position';

type EventOf<T extends InterpreterEvent['type']> = Extract<InterpreterEvent, { type: T }>;

/**
 * Opens a dispute. A wait for event that awaits disputes follows its branch; otherwise the run
 * pauses, keeping the remaining time of its pending wait.
 */
export function onDisputeOpened(step: Step, event: EventOf<'disputeOpened'>): void {
  if (step.state.disputeOpen) {
    ignoreEvent(step, event, 'a dispute is already open; resolve it first');
    return;
  }
  step.state.disputeOpen = true;
  record(step, 'dispute.opened', currentNodeId(step.state.position), reasonData(event.reason));
  const branch = awaitedBranch(step, 'dispute');
  if (branch !== undefined) followBranch(step, 'dispute', branch);
  else addPause(step, 'dispute', reasonData(event.reason));
}

/** Resolves the open dispute: `resume` goes on where the run was, `cancelInvoice` ends it. */
export function onDisputeResolved(step: Step, event: EventOf<'disputeResolved'>): void {
  const { state } = step;
  if (!state.disputeOpen) {
    ignoreEvent(step, event, 'no dispute is open');
    return;
  }
  state.disputeOpen = false;
  record(step, 'dispute.resolved', currentNodeId(state.position), { resolution: event.resolution });
  if (event.resolution === 'cancelInvoice') completeRun(step, 'invoiceCancelled');
  else if (state.pausedFor.includes('dispute')) releasePause(step, 'dispute', 'remaining');
}

/** Pauses the run by hand, keeping the remaining time of its pending wait. */
export function onPause(step: Step, event: EventOf<'pause'>): void {
  if (step.state.pausedFor.includes('manual')) {
    ignoreEvent(step, event, 'the run is already paused manually');
    return;
  }
  addPause(step, 'manual', reasonData(event.reason));
}

/** Ends a manual pause. Pauses for a dispute or a promise end by their own events. */
export function onResume(step: Step, event: EventOf<'resume'>): void {
  const { pausedFor } = step.state;
  if (!pausedFor.includes('manual')) {
    const reason =
      pausedFor.length === 0
        ? 'the run is not paused'
        : `the run is not paused manually; it waits for: ${pausedFor.join(', ')}`;
    ignoreEvent(step, event, reason);
    return;
  }
  releasePause(step, 'manual', 'remaining');
}

export function onCancel(step: Step, event: EventOf<'cancel'>): void {
  record(step, 'run.cancelled', currentNodeId(step.state.position), reasonData(event.reason));
  completeRun(step, 'cancelled');
}

function reasonData(reason: string | undefined): Record<string, unknown> {
  return reason === undefined ? {} : { reason };
}
