import type {
  Command,
  CompiledDefinition,
  CompiledNode,
  Instant,
  InterpreterEvent,
} from '@dunflow/model';
import { parseInstant } from './calendar';
import { InterpreterError } from './interpreter-error';
import type { RunState } from './run-state';

/**
 * One transition in the making: a private copy of the state that the handlers change, the
 * commands they emit, and `now`, the time of the event being applied.
 */
export interface Step {
  readonly definition: CompiledDefinition;
  readonly state: RunState;
  readonly now: Instant;
  readonly commands: Command[];
  /** Set when the event did not apply: the transition then returns the state it was given. */
  ignored: boolean;
}

/** Starts a step on a deep copy of `state`, so the caller's state is never changed. */
export function beginStep(definition: CompiledDefinition, state: RunState, now: Instant): Step {
  const copy = JSON.parse(JSON.stringify(state)) as RunState;
  return { definition, state: copy, now, commands: [], ignored: false };
}

export function emit(step: Step, command: Command): void {
  step.commands.push(command);
}

/** Emits a `record` command: a history entry for the event table. */
export function record(
  step: Step,
  type: string,
  nodeId: string | undefined,
  data: Record<string, unknown> = {},
): void {
  const event =
    nodeId === undefined ? { type, at: step.now, data } : { type, nodeId, at: step.now, data };
  emit(step, { type: 'record', event });
}

/**
 * Marks the event as not applying in the current status. The state stays unchanged and an
 * `event.ignored` record gives the reason.
 */
export function ignoreEvent(step: Step, event: InterpreterEvent, reason: string): void {
  step.ignored = true;
  const data: Record<string, unknown> = { eventType: event.type, reason };
  if (event.type === 'timerFired') data['timerId'] = event.timerId;
  if ('nodeId' in event) data['nodeId'] = event.nodeId;
  record(step, 'event.ignored', undefined, data);
}

/** Returns the node with this id, or raises an error naming it when the definition lacks it. */
export function nodeOf(definition: CompiledDefinition, nodeId: string): CompiledNode {
  const node = definition.nodes[nodeId];
  if (node === undefined) {
    throw new InterpreterError(
      `node '${nodeId}' is not in definition '${definition.scenarioId}' (${definition.hash}); recompile the scenario`,
      nodeId,
    );
  }
  return node;
}

/**
 * Returns the idempotency key of a side effect at the node's current occurrence: invoice, node
 * and occurrence, never an attempt number.
 */
export function idempotencyKey(step: Step, nodeId: string): string {
  const occurrence = step.state.occurrences[nodeId] ?? 0;
  const { invoiceId, campaign = 1 } = step.state.context;
  // The first campaign keeps the short form, so the keys of runs started before campaigns
  // existed stay the same on replay.
  const prefix = campaign === 1 ? invoiceId : `${invoiceId}:c${String(campaign)}`;
  return `${prefix}:${nodeId}:${String(occurrence)}`;
}

export function isBefore(a: Instant, b: Instant): boolean {
  return parseInstant(a) < parseInstant(b);
}

export function laterOf(a: Instant, b: Instant): Instant {
  return isBefore(a, b) ? b : a;
}
