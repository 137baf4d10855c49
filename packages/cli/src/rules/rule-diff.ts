import type { Scenario, SegmentationRuleSet } from '@dunflow/model';
import type { z } from 'zod';
import { fieldChanges, type FieldChange } from './field-changes';
import type { TemplateFile } from './rule-file-schemas';

/** The part of a rule file a change is about. */
export type RuleElement =
  'scenario' | 'settings' | 'node' | 'edge' | 'segmentation' | 'segment' | 'template';

/**
 * One semantic change between two versions of a rule file. `moved` means a segment changed
 * place, which matters because an invoice falls in the first segment it matches.
 */
export interface RuleChange {
  element: RuleElement;
  id: string;
  change: 'added' | 'removed' | 'changed' | 'moved';
  fields: FieldChange[];
}

/** Lists what changed between two scenarios: fields, settings, nodes and edges by id. */
export function diffScenarios(from: Scenario, to: Scenario): RuleChange[] {
  const { nodes: fromNodes, edges: fromEdges, settings: fromSettings, ...fromFields } = from;
  const { nodes: toNodes, edges: toEdges, settings: toSettings, ...toFields } = to;
  return [
    ...changedElement('scenario', to.id, fromFields, toFields),
    ...changedElement('settings', to.id, fromSettings, toSettings),
    ...diffById('node', fromNodes, toNodes),
    ...diffById('edge', fromEdges, toEdges),
  ];
}

/** Lists what changed between two segmentation rule sets, including the order of segments. */
export function diffSegmentations(
  from: SegmentationRuleSet,
  to: SegmentationRuleSet,
): RuleChange[] {
  const { segments: fromSegments, ...fromFields } = from;
  const { segments: toSegments, ...toFields } = to;
  return [
    ...changedElement('segmentation', to.id, fromFields, toFields),
    ...diffById('segment', fromSegments, toSegments),
    ...movedSegments(fromSegments, toSegments),
  ];
}

/** Lists the fields that changed between two template files. */
export function diffTemplates(
  from: z.infer<typeof TemplateFile>,
  to: z.infer<typeof TemplateFile>,
): RuleChange[] {
  return changedElement('template', to.id, from, to);
}

function changedElement(
  element: RuleElement,
  id: string,
  from: unknown,
  to: unknown,
): RuleChange[] {
  const fields = fieldChanges(from, to);
  return fields.length === 0 ? [] : [{ element, id, change: 'changed', fields }];
}

/** Matches items by id: changed and added ones in the order of `to`, then removed ones. */
function diffById<T extends { id: string }>(
  element: RuleElement,
  from: readonly T[],
  to: readonly T[],
): RuleChange[] {
  const before = new Map(from.map((item) => [item.id, item]));
  const after = new Map(to.map((item) => [item.id, item]));
  const changes: RuleChange[] = [];
  for (const item of to) {
    const previous = before.get(item.id);
    if (previous === undefined) {
      changes.push({ element, id: item.id, change: 'added', fields: fieldChanges({}, item) });
    } else {
      changes.push(...changedElement(element, item.id, previous, item));
    }
  }
  for (const item of from) {
    if (!after.has(item.id)) {
      changes.push({ element, id: item.id, change: 'removed', fields: fieldChanges(item, {}) });
    }
  }
  return changes;
}

/** Reports segments, present in both versions, whose place among those segments changed. */
function movedSegments(
  from: readonly { id: string }[],
  to: readonly { id: string }[],
): RuleChange[] {
  const fromIds = new Set(from.map((segment) => segment.id));
  const toIds = new Set(to.map((segment) => segment.id));
  const fromOrder = from.map((segment) => segment.id).filter((id) => toIds.has(id));
  const toOrder = to.map((segment) => segment.id).filter((id) => fromIds.has(id));
  return toOrder.flatMap((id, index) => {
    const previous = fromOrder.indexOf(id);
    if (previous === index) return [];
    const fields = [{ path: 'position', from: previous + 1, to: index + 1 }];
    return [{ element: 'segment' as const, id, change: 'moved' as const, fields }];
  });
}
