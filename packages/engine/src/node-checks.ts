import type { FactDefinition, ScenarioNode, SegmentationRuleSet, Template } from '@dunflow/model';
import { closestName } from './closest-name';
import { compileError, joinPath } from './compile-error';
import type { CompileError } from './compile-error';
import { checkDelays } from './delay-checks';
import { segmentIds } from './node-exits';
import { checkCondition, checkRuleSet } from './rule-checks';
import { nodeSubject } from './scenario-index';
import type { IndexedNode } from './scenario-index';

/** The catalogue lookups that the node checks use. */
export type NodeCheckCatalog = {
  templates: ReadonlyMap<string, Template>;
  ruleSets: ReadonlyMap<string, SegmentationRuleSet>;
  facts: readonly FactDefinition[];
};

/**
 * Checks the data of one node against the catalogue: delays and timeouts, templates, rule
 * sets and their segments, and conditions.
 */
export function checkNode(entry: IndexedNode, catalog: NodeCheckCatalog): CompileError[] {
  const { node, path } = entry;
  const subject = nodeSubject(node);
  switch (node.type) {
    case 'wait':
    case 'waitForEvent':
      return checkDelays(entry);
    case 'sendEmail':
      return checkTemplate(node.data.template, `${path}.data.template`, subject, node.id, catalog);
    case 'condition':
      return checkCondition(node.data.rule, catalog.facts).map((issue) =>
        compileError({
          ...issue,
          path: joinPath(`${path}.data.rule`, issue.path),
          subject,
          nodeId: node.id,
        }),
      );
    case 'switch':
      return checkRuleSetUse(node.data.ruleSet, `${path}.data.ruleSet`, node, catalog);
    case 'trigger':
      return checkSegmentFilter(entry, catalog);
    default:
      return [];
  }
}

function checkTemplate(
  templateId: string,
  path: string,
  subject: string,
  nodeId: string,
  catalog: NodeCheckCatalog,
): CompileError[] {
  if (catalog.templates.has(templateId)) return [];
  const known = [...catalog.templates.keys()];
  return [
    compileError({
      code: 'template.unknown',
      path,
      subject,
      problem: `template '${templateId}' is unknown`,
      fix: referenceFix(templateId, known, 'template'),
      nodeId,
    }),
  ];
}

/** Suggests a close id, else lists the known ids, else asks for the catalogue entry. */
function referenceFix(id: string, known: readonly string[], kind: string): string {
  const closest = closestName(id, known);
  if (closest) return `use '${closest}'`;
  if (known.length > 0) return `use a known ${kind}: ${known.join(', ')}`;
  return `add the ${kind} to the catalogue`;
}

/** Checks that the rule set exists and passes checkRuleSet, reporting on the node using it. */
function checkRuleSetUse(
  ruleSetId: string,
  path: string,
  node: ScenarioNode,
  catalog: NodeCheckCatalog,
): CompileError[] {
  const subject = nodeSubject(node);
  const ruleSet = catalog.ruleSets.get(ruleSetId);
  if (!ruleSet) {
    return [
      compileError({
        code: 'ruleSet.unknown',
        path,
        subject,
        problem: `rule set '${ruleSetId}' is unknown`,
        fix: referenceFix(ruleSetId, [...catalog.ruleSets.keys()], 'rule set'),
        nodeId: node.id,
      }),
    ];
  }
  return checkRuleSet(ruleSet, catalog.facts).map((error) => ({
    ...error,
    path,
    message: `${subject}: ${error.message}`,
    nodeId: node.id,
  }));
}

function checkSegmentFilter(entry: IndexedNode, catalog: NodeCheckCatalog): CompileError[] {
  const { node, path } = entry;
  if (node.type !== 'trigger' || !node.data.segmentFilter) return [];

  const filter = node.data.segmentFilter;
  const filterPath = `${path}.data.segmentFilter`;
  const ruleSetErrors = checkRuleSetUse(filter.ruleSet, `${filterPath}.ruleSet`, node, catalog);
  const ruleSet = catalog.ruleSets.get(filter.ruleSet);
  if (!ruleSet) return ruleSetErrors;

  const known = segmentIds(ruleSet);
  const segmentErrors = filter.segments.flatMap((segmentId, position) => {
    if (known.includes(segmentId)) return [];
    const closest = closestName(segmentId, known);
    return [
      compileError({
        code: 'segment.unknown',
        path: `${filterPath}.segments[${position}]`,
        subject: nodeSubject(node),
        problem: `segment '${segmentId}' is not a segment of rule set '${ruleSet.id}'`,
        fix: closest ? `use '${closest}'` : `use ${known.map((id) => `'${id}'`).join(', ')}`,
        nodeId: node.id,
      }),
    ];
  });
  return [...ruleSetErrors, ...segmentErrors];
}
