import type { Scenario, SegmentationRuleSet } from '@dunflow/model';
import { compileError } from './compile-error';
import type { CompileError } from './compile-error';
import { checkCycles } from './cycle-checks';
import { checkDanglingExits, checkEdges } from './edge-checks';
import { nodeSubject } from './scenario-index';
import type { ScenarioIndex } from './scenario-index';

/**
 * Checks the shape of a scenario graph: one trigger, unique node and edge ids, valid edges,
 * every required exit connected, every node reachable from the trigger, and no cycle that
 * never pauses.
 */
export function checkGraph(
  scenario: Scenario,
  index: ScenarioIndex,
  ruleSets: ReadonlyMap<string, SegmentationRuleSet>,
): CompileError[] {
  return [
    ...checkTriggers(index),
    ...checkDuplicateIds(scenario.nodes, 'nodes', 'node'),
    ...checkDuplicateIds(scenario.edges, 'edges', 'edge'),
    ...checkEdges(scenario, index, ruleSets),
    ...checkDanglingExits(index, ruleSets),
    ...checkReachable(index),
    ...checkCycles(index),
  ];
}

function checkTriggers(index: ScenarioIndex): CompileError[] {
  const [first, ...others] = index.triggers;
  if (!first) {
    return [
      compileError({
        code: 'trigger.missing',
        path: 'nodes',
        subject: 'scenario',
        problem: 'it has no trigger node, so no invoice can enter it',
        fix: "add a node of type 'trigger' that says which invoices enter and when",
      }),
    ];
  }
  return others.map(({ node, path }) =>
    compileError({
      code: 'trigger.multiple',
      path,
      subject: nodeSubject(node),
      problem: `it is a second trigger, and trigger node '${first.node.id}' already starts the flow`,
      fix: 'keep one trigger and connect the flows after it, e.g. with a condition',
      nodeId: node.id,
    }),
  );
}

function checkDuplicateIds(
  items: readonly { id: string }[],
  collection: 'nodes' | 'edges',
  kind: 'node' | 'edge',
): CompileError[] {
  const firstIndex = new Map<string, number>();
  return items.flatMap((item, position) => {
    const earlier = firstIndex.get(item.id);
    if (earlier === undefined) {
      firstIndex.set(item.id, position);
      return [];
    }
    return [
      compileError({
        code: `${kind}.duplicateId`,
        path: `${collection}[${position}].id`,
        subject: `${collection}[${position}]`,
        problem: `${kind} id '${item.id}' is already used by ${collection}[${earlier}]`,
        fix: `give each ${kind} its own id`,
        [kind === 'node' ? 'nodeId' : 'edgeId']: item.id,
      }),
    ];
  });
}

function checkReachable(index: ScenarioIndex): CompileError[] {
  if (index.triggers.length === 0) return [];
  const reached = new Set(index.triggers.map(({ node }) => node.id));
  const pending = [...reached];
  for (let nodeId = pending.pop(); nodeId !== undefined; nodeId = pending.pop()) {
    for (const { edge } of index.edgesFrom.get(nodeId) ?? []) {
      if (reached.has(edge.target)) continue;
      reached.add(edge.target);
      pending.push(edge.target);
    }
  }
  return [...index.nodes.values()]
    .filter(({ node }) => !reached.has(node.id))
    .map(({ node, path }) =>
      compileError({
        code: 'node.unreachable',
        path,
        subject: nodeSubject(node),
        problem: 'it cannot be reached from the trigger',
        fix: 'connect an edge to it from a reachable node, or delete it',
        nodeId: node.id,
      }),
    );
}
