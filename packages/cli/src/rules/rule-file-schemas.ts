import { Scenario, SegmentationRuleSet, Template } from '@dunflow/model';
import { z } from 'zod';
import type { RuleFileKind } from './rule-file-kind';

/**
 * A template as a rule file stores it: the Template schema of @dunflow/model preceded by the
 * `formatVersion` and `kind` that every rule file starts with. Both are file metadata, so
 * parsing with Template drops them.
 */
export const TemplateFile = z.object({
  formatVersion: z.literal(1),
  kind: z.literal('template'),
  ...Template.shape,
});

/**
 * The zod schema of each kind of rule file, in the current format version. Its field order
 * is the key order of the canonical form.
 */
export const RULE_FILE_SCHEMAS: Readonly<Record<RuleFileKind, z.ZodType>> = {
  scenario: Scenario,
  segmentation: SegmentationRuleSet,
  template: TemplateFile,
};
