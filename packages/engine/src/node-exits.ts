import type { ScenarioNode, SegmentationRuleSet } from '@dunflow/model';

/**
 * The exit an edge leaves a node on: its `sourceHandle`, or null for the single exit of a
 * node with one way out (trigger, wait and actions), whose edges leave `sourceHandle` unset.
 */
export type ExitHandle = string | null;

/** The exits of a node: those that must have an edge, and those an edge may use. */
export type NodeExits = { required: readonly ExitHandle[]; allowed: readonly ExitHandle[] };

const SINGLE_EXIT: NodeExits = { required: [null], allowed: [null] };

/**
 * Returns the exits of a node. A switch has one exit per segment of its rule set, of which
 * only the default segment's is required, because segments without an edge follow it.
 * Returns undefined for a switch whose rule set is unknown, since its exits are unknown too.
 */
export function nodeExits(
  node: ScenarioNode,
  ruleSets: ReadonlyMap<string, SegmentationRuleSet>,
): NodeExits | undefined {
  switch (node.type) {
    case 'trigger':
    case 'wait':
    case 'sendEmail':
    case 'createPaymentLink':
    case 'createTask':
      return SINGLE_EXIT;
    case 'condition':
      return { required: ['true', 'false'], allowed: ['true', 'false'] };
    case 'switch': {
      const ruleSet = ruleSets.get(node.data.ruleSet);
      return ruleSet && { required: [ruleSet.defaultSegment], allowed: segmentIds(ruleSet) };
    }
    case 'waitForEvent': {
      const exits = [...new Set<string>(node.data.events), 'timeout'];
      return { required: exits, allowed: exits };
    }
    case 'end':
      return { required: [], allowed: [] };
  }
}

/** Returns the ids of a rule set's segments and its default segment, without repeats. */
export function segmentIds(ruleSet: SegmentationRuleSet): string[] {
  return [...new Set([...ruleSet.segments.map((segment) => segment.id), ruleSet.defaultSegment])];
}

/** Names an exit for a message: `branch 'true'`, or `its single exit`. */
export function describeExit(handle: ExitHandle): string {
  return handle === null ? 'its single exit' : `branch '${handle}'`;
}
