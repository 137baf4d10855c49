import { checkRuleSet, InvalidRuleError } from '@dunflow/engine';
import type { SegmentationRuleSet } from '@dunflow/model';
import type { RawBuilder } from 'kysely';
import { sql } from 'kysely';
import { compileCheckedSql } from './condition-sql';
import type { FactColumns } from './fact-columns';

/**
 * Compiles a segmentation rule set into a SQL CASE expression that returns the position of the
 * first segment whose conditions hold, else the position of the default segment, like
 * segmentOf of `@dunflow/engine`. The default segment's position is that of the segment with
 * the same id, or `segments.length`, so each id has one position. Grouping by a small integer
 * is cheaper than by the id text, and segmentIdAt maps the position back. Raises
 * InvalidRuleError when the rule set fails checkRuleSet.
 */
export function compileSegmentCase(
  ruleSet: SegmentationRuleSet,
  columns: FactColumns,
): RawBuilder<number> {
  const errors = checkRuleSet(ruleSet, [...columns.facts.values()]);
  if (errors.length > 0) throw new InvalidRuleError(errors);

  const branches = ruleSet.segments.map(
    (segment, index) =>
      sql`when ${compileCheckedSql(segment.conditions, columns)} then ${index}::int`,
  );
  const defaultPosition = segmentIds(ruleSet).indexOf(ruleSet.defaultSegment);
  return sql<number>`(case ${sql.join(branches, sql` `)} else ${defaultPosition}::int end)`;
}

/** Returns the segment id at a position that compileSegmentCase returned. */
export function segmentIdAt(ruleSet: SegmentationRuleSet, position: number): string {
  return ruleSet.segments[position]?.id ?? ruleSet.defaultSegment;
}

/** Returns the segment ids of a rule set in order, the default segment last, each once. */
export function segmentIds(ruleSet: SegmentationRuleSet): string[] {
  return [...new Set([...ruleSet.segments.map((segment) => segment.id), ruleSet.defaultSegment])];
}
