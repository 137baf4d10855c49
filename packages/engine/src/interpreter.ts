import type { CompiledDefinition, Instant, InterpreterEvent } from '@dunflow/model';
import { completeRun } from './interpreter-complete';
import { InterpreterError } from './interpreter-error';
import { advance } from './interpreter-flow';
import {
  onCancel,
  onDisputeOpened,
  onDisputeResolved,
  onPause,
  onResume,
} from './interpreter-interventions';
import { onPayment } from './interpreter-payment';
import { onPromiseToPay } from './interpreter-promise';
import {
  onActionCompleted,
  onConditionEvaluated,
  onSegmentEvaluated,
  onTimerFired,
} from './interpreter-results';
import { beginStep, ignoreEvent, isBefore, record, type Step } from './interpreter-step';
import type { RunContext, RunState, Transition } from './run-state';

/**
 * Starts a run of `definition` for one invoice at `at`: enters the trigger and carries out
 * steps until the run waits. An invoice with nothing left to pay completes as `paid` at once.
 */
export function startRun(
  definition: CompiledDefinition,
  context: RunContext,
  at: Instant,
): Transition {
  const trigger = definition.nodes[definition.triggerNodeId];
  if (trigger?.type !== 'trigger') {
    throw new InterpreterError(
      `definition '${definition.scenarioId}' names '${definition.triggerNodeId}' as its trigger, ` +
        'but no trigger node has that id; recompile the scenario',
      definition.triggerNodeId,
    );
  }
  const step = beginStep(definition, initialState(definition, context, at), at);
  record(step, 'run.started', undefined, {
    definitionHash: definition.hash,
    invoiceId: context.invoiceId,
    dueDate: context.dueDate,
    openAmountMinor: context.openAmountMinor,
  });
  if (context.openAmountMinor <= 0) completeRun(step, 'paid');
  else advance(step, { nodeId: trigger.id, mode: 'enter' });
  return { state: step.state, commands: step.commands };
}

/**
 * Applies one event to a run and returns the next state and the commands to carry out. The
 * given state is never changed. An event that does not apply returns that same state and an
 * `event.ignored` record with the reason.
 */
export function stepRun(
  definition: CompiledDefinition,
  state: RunState,
  event: InterpreterEvent,
): Transition {
  if (definition.hash !== state.definitionHash) {
    throw new InterpreterError(
      `run of invoice '${state.context.invoiceId}' started with definition ${state.definitionHash}, ` +
        `not ${definition.hash}; pass the definition the run started with`,
    );
  }
  const step = beginStep(definition, state, event.at);
  applyEvent(step, event);
  if (step.ignored) return { state, commands: step.commands };
  step.state.updatedAt = event.at;
  return { state: step.state, commands: step.commands };
}

function applyEvent(step: Step, event: InterpreterEvent): void {
  const { state } = step;
  if (state.status === 'completed') {
    ignoreEvent(step, event, `the run is completed (${state.outcome ?? 'no outcome'})`);
  } else if (isBefore(event.at, state.updatedAt)) {
    // Time only moves forward: anchors and timers would go wrong with an event from the past.
    ignoreEvent(
      step,
      event,
      `event time ${event.at} is before the run's last event at ${state.updatedAt}`,
    );
  } else {
    dispatch(step, event);
  }
}

type EventHandler<T extends InterpreterEvent['type']> = (
  step: Step,
  event: Extract<InterpreterEvent, { type: T }>,
) => void;

const HANDLERS: { [T in InterpreterEvent['type']]: EventHandler<T> } = {
  start: (step, event) => {
    ignoreEvent(step, event, 'the run has already started');
  },
  timerFired: onTimerFired,
  conditionEvaluated: onConditionEvaluated,
  segmentEvaluated: onSegmentEvaluated,
  actionCompleted: onActionCompleted,
  payment: onPayment,
  promiseToPay: onPromiseToPay,
  disputeOpened: onDisputeOpened,
  disputeResolved: onDisputeResolved,
  pause: onPause,
  resume: onResume,
  cancel: onCancel,
};

function dispatch(step: Step, event: InterpreterEvent): void {
  // TypeScript cannot tie the handler's type to the event's, so the lookup is widened.
  const handler = HANDLERS[event.type] as EventHandler<InterpreterEvent['type']>;
  handler(step, event);
}

function initialState(definition: CompiledDefinition, context: RunContext, at: Instant): RunState {
  return {
    formatVersion: 1,
    definitionHash: definition.hash,
    context: { ...context },
    status: 'running',
    position: { kind: 'halted', next: { nodeId: definition.triggerNodeId, mode: 'enter' } },
    openAmountMinor: context.openAmountMinor,
    startedAt: at,
    updatedAt: at,
    stepTime: at,
    catchingUp: false,
    occurrences: {},
    variables: {},
    actions: [],
    pausedFor: [],
    disputeOpen: false,
    promisesMade: 0,
    promisesKept: 0,
    promisesBroken: 0,
    paymentIds: [],
  };
}
