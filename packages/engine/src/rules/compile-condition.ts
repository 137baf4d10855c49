import { INVOICE_FACTS } from '@dunflow/model';
import type { FactDefinition, FactValues, TopLevelCondition } from '@dunflow/model';
import { compileError } from '../compile-error';
import { InvalidRuleError } from '../invalid-rule-error';
import { checkCondition } from '../rule-checks';
import { compileFactReader } from './fact-reader';
import { compileTree, factSlots } from './compile-tree';

/**
 * Compiles a condition tree into a synchronous function of the facts, once. The function returns
 * what evaluateCondition returns for the same rule and facts: the same typed facts, dates
 * compared as dates, and the null rule (a missing fact fails `equal`, `in` and the ordering
 * operators, and passes `notEqual` and `notIn`). It raises FactValueError on a fact value of
 * the wrong type. Compiling raises InvalidRuleError when the rule fails checkCondition.
 */
export function compileCondition(
  rule: TopLevelCondition,
  catalog: readonly FactDefinition[] = INVOICE_FACTS,
): (facts: FactValues) => boolean {
  const issues = checkCondition(rule, catalog);
  if (issues.length > 0) {
    throw new InvalidRuleError(
      issues.map((issue) => compileError({ ...issue, subject: 'condition' })),
    );
  }

  const read = compileFactReader(catalog);
  const predicate = compileTree(rule, factSlots(catalog));
  return (facts) => predicate(read(facts));
}
