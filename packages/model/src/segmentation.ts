import { z } from 'zod';
import { TopLevelCondition } from './rule';

const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes');

/** One segment of a rule set: invoices whose facts meet its conditions. */
export const Segment = z.object({
  id: Slug,
  name: z.string().min(1),
  conditions: TopLevelCondition,
});
export type Segment = z.infer<typeof Segment>;

/**
 * An ordered segmentation rule set. An invoice falls in the first segment whose conditions
 * it meets, and in `defaultSegment` when it meets none.
 */
export const SegmentationRuleSet = z.object({
  formatVersion: z.literal(1),
  kind: z.literal('segmentation'),
  id: Slug,
  name: z.string().min(1),
  segments: z.array(Segment).min(1),
  defaultSegment: Slug,
});
export type SegmentationRuleSet = z.infer<typeof SegmentationRuleSet>;
