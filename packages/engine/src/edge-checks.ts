import type { Scenario, ScenarioEdge, SegmentationRuleSet } from '@dunflow/model';
import { closestName } from './closest-name';
import { compileError } from './compile-error';
import type { CompileError } from './compile-error';
import { formatChoices } from './format-value';
import { describeExit, nodeExits } from './node-exits';
import type { ExitHandle, NodeExits } from './node-exits';
import { exitOf, nodeSubject } from './scenario-index';
import type { IndexedNode, ScenarioIndex } from './scenario-index';

/**
 * Checks every edge: its source and target are nodes, it does not enter the trigger, it
 * leaves on an exit its source has, and no other edge leaves on the same exit.
 */
export function checkEdges(
  scenario: Scenario,
  index: ScenarioIndex,
  ruleSets: ReadonlyMap<string, SegmentationRuleSet>,
): CompileError[] {
  const usedExits = new Map<string, string>();
  return scenario.edges.flatMap((edge, position) => {
    const path = `edges[${position}]`;
    const endpointErrors = checkEndpoints(edge, path, index);
    if (endpointErrors.length > 0) return endpointErrors;

    const source = index.nodes.get(edge.source);
    if (!source) return [];
    const exitErrors = checkExit(edge, path, source, nodeExits(source.node, ruleSets));
    if (exitErrors.length > 0) return exitErrors;
    return checkExitReuse(edge, path, source, usedExits);
  });
}

function checkEndpoints(edge: ScenarioEdge, path: string, index: ScenarioIndex): CompileError[] {
  const nodeIds = [...index.nodes.keys()];
  const errors: CompileError[] = [];
  for (const end of ['source', 'target'] as const) {
    if (index.nodes.has(edge[end])) continue;
    const closest = closestName(edge[end], nodeIds);
    errors.push(
      compileError({
        code: end === 'source' ? 'edge.unknownSource' : 'edge.unknownTarget',
        path: `${path}.${end}`,
        subject: `edge '${edge.id}'`,
        problem: `${end} '${edge[end]}' is not a node of the scenario`,
        fix: closest ? `use '${closest}'` : 'use the id of a node of the scenario',
        edgeId: edge.id,
      }),
    );
  }
  const target = index.nodes.get(edge.target);
  if (target?.node.type === 'trigger') errors.push(intoTrigger(edge, path));
  return errors;
}

function intoTrigger(edge: ScenarioEdge, path: string): CompileError {
  return compileError({
    code: 'edge.intoTrigger',
    path: `${path}.target`,
    subject: `edge '${edge.id}'`,
    problem: `it enters trigger node '${edge.target}', but a trigger only starts the flow`,
    fix: 'connect the edge to another node',
    edgeId: edge.id,
    nodeId: edge.target,
  });
}

function checkExit(
  edge: ScenarioEdge,
  path: string,
  source: IndexedNode,
  exits: NodeExits | undefined,
): CompileError[] {
  const handle = exitOf(edge);
  // A switch with an unknown rule set has unknown exits, and the rule set error covers it.
  if (!exits || exits.allowed.includes(handle)) return [];

  const leaves = `it leaves ${nodeSubject(source.node)}`;
  const problem =
    handle === null
      ? `${leaves} without a sourceHandle`
      : `${leaves} on handle '${handle}', which that node does not have`;
  return [
    compileError({
      code: 'edge.unknownHandle',
      path: `${path}.sourceHandle`,
      subject: `edge '${edge.id}'`,
      problem,
      fix: exitFix(exits.allowed),
      edgeId: edge.id,
      nodeId: source.node.id,
    }),
  ];
}

function exitFix(allowed: readonly ExitHandle[]): string {
  if (allowed.length === 0) return 'remove the edge, because an end node has no exits';
  if (allowed.includes(null)) return 'remove the sourceHandle, because the node has a single exit';
  return `set sourceHandle to ${formatChoices(allowed.filter((handle) => handle !== null))}`;
}

function checkExitReuse(
  edge: ScenarioEdge,
  path: string,
  source: IndexedNode,
  usedExits: Map<string, string>,
): CompileError[] {
  const handle = exitOf(edge);
  const key = JSON.stringify([edge.source, handle]);
  const earlier = usedExits.get(key);
  if (earlier === undefined) {
    usedExits.set(key, edge.id);
    return [];
  }
  return [
    compileError({
      code: 'edge.duplicateExit',
      path,
      subject: `edge '${edge.id}'`,
      problem: `it leaves ${nodeSubject(source.node)} on ${describeExit(handle)}, like edge '${earlier}'`,
      fix: 'remove one of the two edges, because each exit leads to one node',
      edgeId: edge.id,
      nodeId: source.node.id,
    }),
  ];
}

/** Reports each required exit of a node that no edge leaves on. */
export function checkDanglingExits(
  index: ScenarioIndex,
  ruleSets: ReadonlyMap<string, SegmentationRuleSet>,
): CompileError[] {
  return [...index.nodes.values()].flatMap(({ node, path }) => {
    const used = new Set((index.edgesFrom.get(node.id) ?? []).map(({ edge }) => exitOf(edge)));
    const required = nodeExits(node, ruleSets)?.required ?? [];
    return required
      .filter((handle) => !used.has(handle))
      .map((handle) =>
        compileError({
          code: 'branch.dangling',
          path,
          subject: nodeSubject(node),
          problem: danglingProblem(handle, node.type === 'switch'),
          fix: 'connect it to the next step or to an end node',
          nodeId: node.id,
        }),
      );
  });
}

function danglingProblem(handle: ExitHandle, isSwitch: boolean): string {
  if (handle === null) return 'it has no outgoing edge';
  if (!isSwitch) return `branch '${handle}' has no edge`;
  return `branch '${handle}' of the default segment has no edge, and segments without an edge follow it`;
}
