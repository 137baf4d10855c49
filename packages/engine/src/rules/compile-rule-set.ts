import { INVOICE_FACTS } from '@dunflow/model';
import type { FactDefinition, FactValues, SegmentationRuleSet } from '@dunflow/model';
import { InvalidRuleError } from '../invalid-rule-error';
import { checkRuleSet } from '../rule-checks';
import type { CompileRuleOptions } from './compile-options';
import { compileFirstMatch } from './evaluator';

/**
 * Compiles a segmentation rule set once into a synchronous function that returns what segmentOf
 * returns: the id of the first segment whose conditions hold, else `defaultSegment`. The facts
 * are checked once per call, under the rules of compileCondition, unless `options.factsChecked`. Compiling raises
 * InvalidRuleError, with the errors of checkRuleSet, when the rule set fails it.
 */
export function compileRuleSet(
  ruleSet: SegmentationRuleSet,
  catalog: readonly FactDefinition[] = INVOICE_FACTS,
  options: CompileRuleOptions = {},
): (facts: FactValues) => string {
  const errors = checkRuleSet(ruleSet, catalog);
  if (errors.length > 0) throw new InvalidRuleError(errors);

  const ids = ruleSet.segments.map((segment) => segment.id);
  const defaultSegment = ruleSet.defaultSegment;
  const firstMatch = compileFirstMatch(
    ruleSet.segments.map((segment) => segment.conditions),
    catalog,
    options.factsChecked !== true,
  );
  return (facts) => ids[firstMatch(facts)] ?? defaultSegment;
}
