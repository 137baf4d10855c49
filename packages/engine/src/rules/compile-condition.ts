import { INVOICE_FACTS } from '@dunflow/model';
import type { FactDefinition, FactValues, TopLevelCondition } from '@dunflow/model';
import { compileError } from '../compile-error';
import { InvalidRuleError } from '../invalid-rule-error';
import { checkCondition } from '../rule-checks';
import type { CompileRuleOptions } from './compile-options';
import { compileFirstMatch } from './evaluator';

/**
 * Compiles a condition tree once into a synchronous function of the facts. The function returns
 * what evaluateCondition returns for the same rule and facts: the same typed facts, dates
 * compared as dates, and a missing (null or undefined) fact failing `equal`, `in` and the
 * ordering operators and passing `notEqual` and `notIn`. It raises the same FactValueError on
 * a fact value of the wrong type. Compiling raises InvalidRuleError, with the issues that
 * evaluateCondition reports, when the rule fails checkCondition.
 */
export function compileCondition(
  rule: TopLevelCondition,
  catalog: readonly FactDefinition[] = INVOICE_FACTS,
  options: CompileRuleOptions = {},
): (facts: FactValues) => boolean {
  const issues = checkCondition(rule, catalog);
  if (issues.length > 0) {
    throw new InvalidRuleError(
      issues.map((issue) => compileError({ ...issue, subject: 'condition' })),
    );
  }

  const firstMatch = compileFirstMatch([rule], catalog, options.factsChecked !== true);
  return (facts) => firstMatch(facts) === 0;
}
