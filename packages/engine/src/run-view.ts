import type { CompiledDefinition, CompiledNode, Instant, LocalDate } from '@dunflow/model';
import { applyDelay, startOfDay } from './calendar';
import { laterOf } from './interpreter-step';
import { currentNodeId } from './run-position';
import type { ActionEntry, PauseReason, RunOutcome, RunState, RunStatus } from './run-state';

/** The next step a run takes by itself, and when it is due. */
export interface NextAction {
  nodeId: string;
  /** A node type, or `promiseDeadline` while the run is paused for a promise to pay. */
  type: string;
  at: Instant;
}

/** Operator's view of a run: where it is, what comes next and what it did. */
export interface RunView {
  status: RunStatus;
  currentNodeId?: string;
  nextAction?: NextAction;
  /** Every side effect sent, completed, held back or skipped, in the order reached. */
  actions: ActionEntry[];
  openAmountMinor: number;
  promisedDate?: LocalDate;
  outcome?: RunOutcome;
  pausedFor: PauseReason[];
  /** Whether a dispute is open, whether it paused the run or sent it down a dispute branch. */
  disputeOpen: boolean;
}

/** Describes a run for queries and the operator console. */
export function describeRun(definition: CompiledDefinition, state: RunState): RunView {
  const view: RunView = {
    status: state.status,
    actions: state.actions.map((entry) => ({ ...entry })),
    openAmountMinor: state.openAmountMinor,
    pausedFor: [...state.pausedFor],
    disputeOpen: state.disputeOpen,
  };
  const nodeId = currentNodeId(state.position);
  if (nodeId !== undefined) view.currentNodeId = nodeId;
  const nextAction = findNextAction(definition, state);
  if (nextAction !== undefined) view.nextAction = nextAction;
  if (state.promise !== undefined) view.promisedDate = state.promise.promisedDate;
  if (state.outcome !== undefined) view.outcome = state.outcome;
  return view;
}

function findNextAction(definition: CompiledDefinition, state: RunState): NextAction | undefined {
  const position = state.position;
  if (state.status === 'paused') return promiseDeadline(state);
  if (position.kind === 'action' || position.kind === 'evaluation') {
    const node = definition.nodes[position.nodeId];
    return node === undefined
      ? undefined
      : { nodeId: node.id, type: node.type, at: state.updatedAt };
  }
  if (position.kind !== 'timer') return undefined;
  const node = definition.nodes[position.nodeId];
  if (node === undefined) return undefined;
  const exit = exitAfterTimer(node);
  return exit === undefined ? undefined : walkToAction(definition, state, exit, position.at);
}

/** Returns the node a timer of `node` leads to when it fires. */
function exitAfterTimer(node: CompiledNode): string | undefined {
  if (node.type === 'waitForEvent') return node.onTimeout;
  if (node.type === 'wait' || node.type === 'trigger') return node.next;
  return undefined;
}

/** While only a promise pauses the run, its deadline is the next thing that happens. */
function promiseDeadline(state: RunState): NextAction | undefined {
  const nodeId = currentNodeId(state.position);
  const onlyPromise = state.pausedFor.length === 1 && state.pausedFor[0] === 'promise';
  if (!onlyPromise || state.promise === undefined || nodeId === undefined) return undefined;
  return { nodeId, type: 'promiseDeadline', at: state.promise.deadline };
}

/**
 * Follows the graph from `nodeId` to the first action, or to the condition, switch, wait for
 * event or end before it, adding up the waits on the way. It assumes no payment or pause
 * comes first, and that each wait is reached before its target.
 */
function walkToAction(
  definition: CompiledDefinition,
  state: RunState,
  nodeId: string,
  at: Instant,
): NextAction | undefined {
  let time = at;
  let id = nodeId;
  for (let visited = 0; visited <= Object.keys(definition.nodes).length; visited += 1) {
    const node = definition.nodes[id];
    if (node === undefined) return undefined;
    if (node.type === 'wait') {
      const { settings } = definition;
      const anchor = node.anchor === 'dueDate' ? startOfDay(state.context.dueDate) : time;
      const target = applyDelay(
        anchor,
        node.delay,
        node.calendar,
        settings,
        state.context.countryCode,
      );
      time = laterOf(time, target);
      id = node.next;
    } else if (node.type === 'trigger') {
      id = node.next;
    } else {
      return { nodeId: node.id, type: node.type, at: time };
    }
  }
  return undefined;
}
