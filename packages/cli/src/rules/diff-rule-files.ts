import { Scenario, SegmentationRuleSet } from '@dunflow/model';
import { diffScenarios, diffSegmentations, diffTemplates, type RuleChange } from './rule-diff';
import type { RuleFileKind } from './rule-file-kind';
import { TemplateFile } from './rule-file-schemas';

/** The status of a rule between two versions of its file. */
export type RuleStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** The semantic diff of two versions of one rule file. */
export interface RuleFileDiff {
  kind: RuleFileKind;
  /** The id in the newer version, or in the older one when the file was removed. */
  id: string;
  status: RuleStatus;
  changes: RuleChange[];
}

/**
 * Diffs two parsed versions of a rule file of `kind`, either of which may be absent (the file
 * was added or removed). Each version is parsed with the kind's schema, so a field left at
 * its default equals the default written out. Raises a ZodError on an invalid version.
 */
export function diffRuleFiles(
  kind: RuleFileKind,
  from: unknown,
  to: unknown,
): RuleFileDiff {
  const id = idOf(to) ?? idOf(from) ?? '';
  if (from === undefined && to === undefined) return { kind, id, status: 'unchanged', changes: [] };
  if (from === undefined) return { kind, id, status: 'added', changes: [] };
  if (to === undefined) return { kind, id, status: 'removed', changes: [] };
  const changes = changesOf(kind, from, to);
  return { kind, id, status: changes.length === 0 ? 'unchanged' : 'changed', changes };
}

function changesOf(kind: RuleFileKind, from: unknown, to: unknown): RuleChange[] {
  switch (kind) {
    case 'scenario':
      return diffScenarios(Scenario.parse(from), Scenario.parse(to));
    case 'segmentation':
      return diffSegmentations(SegmentationRuleSet.parse(from), SegmentationRuleSet.parse(to));
    case 'template':
      return diffTemplates(TemplateFile.parse(from), TemplateFile.parse(to));
  }
}

function idOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}
