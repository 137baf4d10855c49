import { checkRuleSet, InvalidRuleError } from '@dunflow/engine';
import { INVOICE_FACTS } from '@dunflow/model';
import type { SegmentationRuleSet } from '@dunflow/model';
import type { RawBuilder } from 'kysely';
import { sql } from 'kysely';
import type { FactColumns } from './condition-sql';
import { compileCondition } from './condition-sql';
import { NULLABLE_FACTS } from './invoice-facts-query';

/** The columns of {@link invoiceFactsOn} under the alias `table`. */
export function invoiceFactColumns(table: string): FactColumns {
  return {
    facts: new Map(INVOICE_FACTS.map((fact) => [fact.name, fact])),
    nullable: NULLABLE_FACTS,
    table,
  };
}

/**
 * Compiles a segmentation rule set into a SQL CASE expression that returns the id of the first
 * segment whose conditions hold, else the default segment, like segmentOf of
 * `@dunflow/engine`. Raises InvalidRuleError when the rule set fails checkRuleSet.
 */
export function compileSegmentCase(
  ruleSet: SegmentationRuleSet,
  columns: FactColumns,
): RawBuilder<string> {
  const errors = checkRuleSet(ruleSet, [...columns.facts.values()]);
  if (errors.length > 0) throw new InvalidRuleError(errors);

  const branches = ruleSet.segments.map(
    (segment) =>
      sql`when ${compileCondition(segment.conditions, columns)} then ${segment.id}::text`,
  );
  return sql<string>`(case ${sql.join(branches, sql` `)} else ${ruleSet.defaultSegment}::text end)`;
}
