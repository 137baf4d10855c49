import type { Scenario, ScenarioEdge, ScenarioNode } from '@dunflow/model';
import type { ExitHandle } from './node-exits';

export type IndexedNode = { node: ScenarioNode; index: number; path: string };
export type IndexedEdge = { edge: ScenarioEdge; index: number; path: string };

/**
 * Lookups over a parsed scenario. When ids repeat, the first node or edge with the id wins;
 * the repeats are reported by the graph checks.
 */
export type ScenarioIndex = {
  nodes: ReadonlyMap<string, IndexedNode>;
  /** Edges whose source and target are both nodes, by source node id. */
  edgesFrom: ReadonlyMap<string, readonly IndexedEdge[]>;
  triggers: readonly IndexedNode[];
};

/** Builds the lookups the graph checks and the compiler share. */
export function indexScenario(scenario: Scenario): ScenarioIndex {
  const nodes = new Map<string, IndexedNode>();
  scenario.nodes.forEach((node, index) => {
    if (!nodes.has(node.id)) nodes.set(node.id, { node, index, path: `nodes[${index}]` });
  });

  const edgesFrom = new Map<string, IndexedEdge[]>();
  scenario.edges.forEach((edge, index) => {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) return;
    const list = edgesFrom.get(edge.source) ?? [];
    list.push({ edge, index, path: `edges[${index}]` });
    edgesFrom.set(edge.source, list);
  });

  const triggers = scenario.nodes.flatMap((node, index) =>
    node.type === 'trigger' ? [{ node, index, path: `nodes[${index}]` }] : [],
  );
  return { nodes, edgesFrom, triggers };
}

/** Returns the handle an edge leaves its source on. */
export function exitOf(edge: ScenarioEdge): ExitHandle {
  return edge.sourceHandle ?? null;
}

/** Names a node for a message, e.g. `wait node 'w1'`. */
export function nodeSubject(node: ScenarioNode): string {
  return `${node.type} node '${node.id}'`;
}
