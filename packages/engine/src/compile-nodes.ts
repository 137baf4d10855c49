import type {
  CompiledDelay,
  CompiledNode,
  ScenarioNode,
  SegmentationRuleSet,
} from '@dunflow/model';
import { parseDuration } from './delay';
import { segmentIds } from './node-exits';
import type { ExitHandle } from './node-exits';
import { exitOf } from './scenario-index';
import type { ScenarioIndex } from './scenario-index';

/**
 * Builds the compiled form of a node of a scenario that passed every check, its exits
 * resolved to target node ids. Labels and positions are left out, so they do not change the
 * definition's hash.
 */
export function compileNode(
  node: ScenarioNode,
  index: ScenarioIndex,
  ruleSets: ReadonlyMap<string, SegmentationRuleSet>,
): CompiledNode {
  const targets = exitTargets(node.id, index);
  const exit = (handle: ExitHandle) => requiredExit(targets, node.id, handle);
  const { id } = node;
  switch (node.type) {
    case 'trigger':
      return { type: 'trigger', id, trigger: node.data, next: exit(null) };
    case 'wait': {
      const { anchor, calendar, delay } = node.data;
      return { type: 'wait', id, anchor, calendar, delay: checkedDelay(delay), next: exit(null) };
    }
    case 'condition':
      return {
        type: 'condition',
        id,
        rule: node.data.rule,
        onTrue: exit('true'),
        onFalse: exit('false'),
      };
    case 'switch':
      return {
        type: 'switch',
        id,
        ruleSet: node.data.ruleSet,
        branches: switchBranches(node.data.ruleSet, ruleSets, targets, exit),
      };
    case 'sendEmail':
      return { type: 'sendEmail', id, template: node.data.template, next: exit(null) };
    case 'createPaymentLink':
      return { type: 'createPaymentLink', id, next: exit(null) };
    case 'createTask':
      return {
        type: 'createTask',
        id,
        title: node.data.title,
        dueInDays: node.data.dueInDays,
        next: exit(null),
      };
    case 'waitForEvent': {
      const events = Object.fromEntries(node.data.events.map((event) => [event, exit(event)]));
      return {
        type: 'waitForEvent',
        id,
        events,
        timeout: checkedDelay(node.data.timeout),
        onTimeout: exit('timeout'),
      };
    }
    case 'end':
      return { type: 'end', id, outcome: node.data.outcome };
  }
}

/** Maps each exit of a node to the node its edge leads to. */
function exitTargets(nodeId: string, index: ScenarioIndex): ReadonlyMap<ExitHandle, string> {
  const targets = new Map<ExitHandle, string>();
  for (const { edge } of index.edgesFrom.get(nodeId) ?? []) targets.set(exitOf(edge), edge.target);
  return targets;
}

function requiredExit(
  targets: ReadonlyMap<ExitHandle, string>,
  nodeId: string,
  handle: ExitHandle,
): string {
  const target = targets.get(handle);
  if (target !== undefined) return target;
  throw new Error(
    `internal compiler error: node '${nodeId}' has no edge on exit ${String(handle)}`,
  );
}

/** Gives every segment its exit; segments without an edge of their own follow the default's. */
function switchBranches(
  ruleSetId: string,
  ruleSets: ReadonlyMap<string, SegmentationRuleSet>,
  targets: ReadonlyMap<ExitHandle, string>,
  exit: (handle: ExitHandle) => string,
): Record<string, string> {
  const ruleSet = ruleSets.get(ruleSetId);
  if (!ruleSet) throw new Error(`internal compiler error: rule set '${ruleSetId}' is missing`);
  const fallback = exit(ruleSet.defaultSegment);
  return Object.fromEntries(segmentIds(ruleSet).map((id) => [id, targets.get(id) ?? fallback]));
}

function checkedDelay(text: string): CompiledDelay {
  const parsed = parseDuration(text, 'delay');
  if (!parsed.ok) throw new Error(`internal compiler error: ${parsed.message}`);
  return parsed.delay;
}
