import type {
  CompiledDefinition,
  CompiledNode,
  FactDefinition,
  Scenario,
  SegmentationRuleSet,
  Template,
} from '@dunflow/model';
import { canonicalJson } from './canonical-json';
import { compileNode } from './compile-nodes';
import { contentHash } from './content-hash';
import { deepFreeze } from './deep-freeze';
import type { ScenarioIndex } from './scenario-index';

/** The catalogue as lookups by id. */
export type CatalogLookups = {
  templates: ReadonlyMap<string, Template>;
  ruleSets: ReadonlyMap<string, SegmentationRuleSet>;
  facts: readonly FactDefinition[];
};

/**
 * Builds the compiled definition of a scenario that passed every check: its nodes with exits
 * resolved, only the templates and rule sets it uses, the fact catalogue, and `hash`, the
 * content hash of everything else. The result is a deep-frozen copy that shares no object
 * with the scenario or the catalogue.
 */
export function buildDefinition(
  scenario: Scenario,
  index: ScenarioIndex,
  catalog: CatalogLookups,
): CompiledDefinition {
  const [trigger] = index.triggers;
  if (!trigger) throw new Error('internal compiler error: no trigger after the checks passed');

  const nodes: Record<string, CompiledNode> = {};
  for (const { node } of index.nodes.values()) {
    nodes[node.id] = compileNode(node, index, catalog.ruleSets);
  }
  const body = {
    formatVersion: 1 as const,
    scenarioId: scenario.id,
    name: scenario.name,
    settings: scenario.settings,
    triggerNodeId: trigger.node.id,
    nodes,
    templates: pick(usedIds(scenario, 'template'), catalog.templates),
    ruleSets: pick(usedIds(scenario, 'ruleSet'), catalog.ruleSets),
    facts: [...catalog.facts],
  };
  const definition: CompiledDefinition = { ...body, hash: contentHash(body) };
  return deepFreeze(JSON.parse(canonicalJson(definition)) as CompiledDefinition);
}

/** Returns the ids of the templates or rule sets the scenario's nodes refer to. */
function usedIds(scenario: Scenario, kind: 'template' | 'ruleSet'): Set<string> {
  const ids = new Set<string>();
  for (const node of scenario.nodes) {
    if (kind === 'template' && node.type === 'sendEmail') ids.add(node.data.template);
    if (kind === 'ruleSet' && node.type === 'switch') ids.add(node.data.ruleSet);
    if (kind === 'ruleSet' && node.type === 'trigger' && node.data.segmentFilter) {
      ids.add(node.data.segmentFilter.ruleSet);
    }
  }
  return ids;
}

function pick<T>(ids: ReadonlySet<string>, lookup: ReadonlyMap<string, T>): Record<string, T> {
  const picked: Record<string, T> = {};
  for (const id of ids) {
    const item = lookup.get(id);
    if (item !== undefined) picked[id] = item;
  }
  return picked;
}
