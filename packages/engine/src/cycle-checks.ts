import type { ScenarioNode } from '@dunflow/model';
import { compileError } from './compile-error';
import type { CompileError } from './compile-error';
import { parseDelay, parseDuration } from './delay';
import { nodeSubject } from './scenario-index';
import { stronglyConnected } from './strongly-connected';
import type { ScenarioIndex } from './scenario-index';

/**
 * Reports each cycle of the graph that has no node that pauses the run, since such a cycle
 * would repeat without end. A wait pauses on every round only when it is anchored to
 * `previous` with a positive delay: a wait anchored to the due date has passed after the
 * first round. A wait for event pauses until its timeout.
 */
export function checkCycles(index: ScenarioIndex): CompileError[] {
  const successors = new Map<string, string[]>();
  for (const { node } of index.nodes.values()) {
    if (pausesEveryRound(node)) continue;
    const targets = (index.edgesFrom.get(node.id) ?? []).map(({ edge }) => edge.target);
    successors.set(
      node.id,
      targets.filter((target) => isNonPausing(index, target)),
    );
  }
  return stronglyConnected(successors)
    .filter((component) => isCycle(component, successors))
    .map((component) => cycleError(index, component, successors));
}

function isNonPausing(index: ScenarioIndex, nodeId: string): boolean {
  const entry = index.nodes.get(nodeId);
  return entry !== undefined && !pausesEveryRound(entry.node);
}

function pausesEveryRound(node: ScenarioNode): boolean {
  if (node.type === 'waitForEvent') {
    const timeout = parseDuration(node.data.timeout, 'timeout');
    // An invalid timeout is reported on its own, so it counts as a pause to avoid a second error.
    return !timeout.ok || timeout.delay.days + timeout.delay.seconds > 0;
  }
  if (node.type !== 'wait') return false;
  const delay = parseDelay(node.data.delay);
  if (!delay.ok) return true;
  const isPositive = delay.delay.sign === 1 && delay.delay.days + delay.delay.seconds > 0;
  return node.data.anchor === 'previous' && isPositive;
}

function isCycle(component: readonly string[], successors: ReadonlyMap<string, string[]>) {
  const [only] = component;
  if (component.length > 1) return true;
  return only !== undefined && (successors.get(only) ?? []).includes(only);
}

function cycleError(
  index: ScenarioIndex,
  component: readonly string[],
  successors: ReadonlyMap<string, string[]>,
): CompileError {
  const entries = component.flatMap((id) => index.nodes.get(id) ?? []);
  const start = entries.reduce((first, entry) => (entry.index < first.index ? entry : first));
  const loop = findLoop(start.node.id, new Set(component), successors);
  const hasWait = entries.some(({ node }) => node.type === 'wait');
  const waitNote = hasWait
    ? ', because its waits are anchored to the due date or do not move forward'
    : '';
  return compileError({
    code: 'cycle.withoutWait',
    path: start.path,
    subject: nodeSubject(start.node),
    problem: `it is on cycle ${loop.map((id) => `'${id}'`).join(' -> ')}, which never pauses${waitNote}, so it would repeat without end`,
    fix: "add a wait anchored to 'previous' with a positive delay, or a wait for event, to the cycle",
    nodeId: start.node.id,
  });
}

/** Returns a shortest loop from `start` back to itself inside the component. */
function findLoop(
  start: string,
  component: ReadonlySet<string>,
  successors: ReadonlyMap<string, string[]>,
): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head] ?? start;
    for (const next of successors.get(current) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) return [...pathTo(current, start, previous), start];
      if (previous.has(next)) continue;
      previous.set(next, current);
      queue.push(next);
    }
  }
  return [start];
}

function pathTo(end: string, start: string, previous: ReadonlyMap<string, string>): string[] {
  const path = [end];
  for (let node = end; node !== start;) {
    node = previous.get(node) ?? start;
    path.unshift(node);
  }
  return path;
}
