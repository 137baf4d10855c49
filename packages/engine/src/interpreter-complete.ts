import { skipHeldActions } from './interpreter-catch-up';
import { emit, record, type Step } from './interpreter-step';
import { cancelAllTimers } from './interpreter-timers';
import { currentNodeId } from './run-position';
import type { RunOutcome } from './run-state';

/**
 * Ends the run: cancels its timers, skips actions still held back, records `run.completed`
 * and emits `complete`. `nodeId` is the end node, when one ended the run.
 */
export function completeRun(step: Step, outcome: RunOutcome, nodeId?: string): void {
  const atNode = nodeId ?? currentNodeId(step.state.position);
  cancelAllTimers(step);
  skipHeldActions(step, `the run ended (${outcome}) before the action was carried out`);

  const { state } = step;
  delete state.promise;
  state.pausedFor = [];
  delete state.pausedAt;
  state.status = 'completed';
  state.outcome = outcome;
  state.position = nodeId === undefined ? { kind: 'finished' } : { kind: 'finished', nodeId };

  record(step, 'run.completed', atNode, { outcome });
  emit(step, { type: 'complete', outcome });
}
