import { z } from 'zod';

/** Operators of json-rules-engine's default set that Dunflow's typed facts support. */
export const Operator = z.enum([
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
]);
export type Operator = z.infer<typeof Operator>;

/** A value a condition compares a fact with. */
export const RuleValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number()])),
]);
export type RuleValue = z.infer<typeof RuleValue>;

/** A leaf condition in json-rules-engine format: `fact operator value`. */
export const FactCondition = z.object({
  fact: z.string().min(1),
  operator: Operator,
  value: RuleValue,
  path: z.string().optional(),
});
export type FactCondition = z.infer<typeof FactCondition>;

/** A condition tree in json-rules-engine format: nested `all`, `any` and `not`. */
export type Condition =
  FactCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    FactCondition,
    z.object({ all: z.array(Condition) }),
    z.object({ any: z.array(Condition) }),
    z.object({ not: Condition }),
  ]),
);

/** The top of a json-rules-engine rule's `conditions`: always `all`, `any` or `not`. */
export type TopLevelCondition = { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const TopLevelCondition: z.ZodType<TopLevelCondition> = z.union([
  z.object({ all: z.array(Condition) }),
  z.object({ any: z.array(Condition) }),
  z.object({ not: Condition }),
]);
