import type { Operator, RuleValue } from '@dunflow/model';

/** How far a number or date fact is from a condition's value, in the fact's unit. */
export type Distance = {
  amount: number;
  /** The fact's unit, e.g. `currency units`; `days` for a date fact; absent for a plain count. */
  unit?: string;
};

/** A leaf condition as evaluated for one invoice. */
export type LeafTrace = {
  kind: 'fact';
  /** The leaf's location in the segment's conditions, e.g. `all[1].any[0]`. */
  path: string;
  fact: string;
  operator: Operator;
  /** The rule's value. */
  value: RuleValue;
  /** The fact's value for the invoice; null when the fact is missing. */
  actual: number | string | boolean | null;
  passed: boolean;
  /**
   * The distance between `actual` and `value` (the nearest item for `in` and `notIn`), for a
   * number or date fact that is present; absent otherwise.
   */
  distance?: Distance;
};

/** An `all` or `any` group as evaluated for one invoice. */
export type GroupTrace = {
  kind: 'all' | 'any';
  path: string;
  passed: boolean;
  conditions: ConditionTrace[];
};

/** A `not` as evaluated for one invoice. */
export type NotTrace = { kind: 'not'; path: string; passed: boolean; condition: ConditionTrace };

/** A condition tree as evaluated for one invoice, node by node. */
export type ConditionTrace = LeafTrace | GroupTrace | NotTrace;

/** One segment's conditions as evaluated for one invoice. */
export type SegmentTrace = {
  id: string;
  name: string;
  /** Whether the segment's conditions passed. */
  matched: boolean;
  conditions: ConditionTrace;
  /**
   * The minimum set of leaves whose outcome would have to change for the segment to match,
   * in document order. A leaf under `not` is failing when it passed. Empty when the segment
   * matched, and when no change of leaves can make it match (a `not` over an empty `all`).
   */
  failingLeaves: LeafTrace[];
  /**
   * The first leaf, in evaluation order, whose outcome made the segment fail. It may be outside
   * `failingLeaves`, e.g. the first child of an `any` whose second child is closer to passing.
   * Absent when the segment matched, and when no leaf decided it (a `not` over an empty `all`).
   */
  firstFailure?: LeafTrace;
};

/** The evaluation of every segment for one invoice, and the segment it falls in. */
export type SegmentExplanation = {
  /** The id of the segment the invoice falls in, as segmentOf returns it. */
  segment: string;
  /** Whether no segment matched, so the invoice falls in the rule set's default segment. */
  isDefault: boolean;
  /** Every segment of the rule set, in order, including those after the one that matched. */
  segments: SegmentTrace[];
  /**
   * The failed segment before the chosen one that came closest to matching. The ranking is by
   * the number of failing leaves, then by how many of them have no distance, then by the sum
   * of distances. Absent when the invoice falls in the first segment.
   */
  nearestMiss?: SegmentTrace;
};
