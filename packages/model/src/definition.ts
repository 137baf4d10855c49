import { z } from 'zod';
import { FactDefinition } from './fact';
import { TopLevelCondition } from './rule';
import { AwaitedEvent, ScenarioSettings, TriggerData } from './scenario';
import { SegmentationRuleSet } from './segmentation';
import { Template } from './template';

/** A validated fixed-length delay: `days` and `seconds` add up; `sign` -1 means before the anchor. */
export const CompiledDelay = z.object({
  sign: z.union([z.literal(1), z.literal(-1)]),
  days: z.number().int().nonnegative(),
  seconds: z.number().int().nonnegative(),
});
export type CompiledDelay = z.infer<typeof CompiledDelay>;

const Next = z.string();

/** A node of a compiled definition, its exits resolved to node ids. */
export const CompiledNode = z.discriminatedUnion('type', [
  z.object({ type: z.literal('trigger'), id: z.string(), trigger: TriggerData, next: Next }),
  z.object({
    type: z.literal('wait'),
    id: z.string(),
    anchor: z.enum(['dueDate', 'previous']),
    calendar: z.enum(['calendar', 'business']),
    delay: CompiledDelay,
    next: Next,
  }),
  z.object({
    type: z.literal('condition'),
    id: z.string(),
    rule: TopLevelCondition,
    onTrue: Next,
    onFalse: Next,
  }),
  z.object({
    type: z.literal('switch'),
    id: z.string(),
    ruleSet: z.string(),
    /** Exit per segment id; every segment of the rule set has one. */
    branches: z.record(z.string(), Next),
  }),
  z.object({ type: z.literal('sendEmail'), id: z.string(), template: z.string(), next: Next }),
  z.object({ type: z.literal('createPaymentLink'), id: z.string(), next: Next }),
  z.object({
    type: z.literal('createTask'),
    id: z.string(),
    title: z.string(),
    dueInDays: z.number().int(),
    next: Next,
  }),
  z.object({
    type: z.literal('waitForEvent'),
    id: z.string(),
    /** Exit per awaited event. */
    events: z.partialRecord(AwaitedEvent, Next),
    timeout: CompiledDelay,
    onTimeout: Next,
  }),
  z.object({
    type: z.literal('end'),
    id: z.string(),
    outcome: z.enum(['completed', 'escalated', 'writtenOff']),
  }),
]);
export type CompiledNode = z.infer<typeof CompiledNode>;

/**
 * An immutable, content-addressed scenario version: everything a workflow needs, so a running
 * workflow keeps the version it started with. `hash` is the SHA-256 of the canonical JSON of
 * every other field.
 */
export const CompiledDefinition = z.object({
  formatVersion: z.literal(1),
  scenarioId: z.string(),
  name: z.string(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  settings: ScenarioSettings,
  triggerNodeId: z.string(),
  nodes: z.record(z.string(), CompiledNode),
  templates: z.record(z.string(), Template),
  ruleSets: z.record(z.string(), SegmentationRuleSet),
  facts: z.array(FactDefinition),
});
export type CompiledDefinition = z.infer<typeof CompiledDefinition>;
