import { INVOICE_FACTS } from '@dunflow/model';
import type { FactDefinition, FactValues, SegmentationRuleSet } from '@dunflow/model';
import { InvalidRuleError } from '../invalid-rule-error';
import { checkRuleSet } from '../rule-checks';
import { compileFactReader } from './fact-reader';
import { compileTree, factSlots } from './compile-tree';

/**
 * Compiles a segmentation rule set into a synchronous function that returns what segmentOf
 * returns: the id of the first segment whose conditions hold, else `defaultSegment`. The facts
 * are checked once per call, under the rules of compileCondition. Compiling raises
 * InvalidRuleError when the rule set fails checkRuleSet.
 */
export function compileRuleSet(
  ruleSet: SegmentationRuleSet,
  catalog: readonly FactDefinition[] = INVOICE_FACTS,
): (facts: FactValues) => string {
  const errors = checkRuleSet(ruleSet, catalog);
  if (errors.length > 0) throw new InvalidRuleError(errors);

  const read = compileFactReader(catalog);
  const slots = factSlots(catalog);
  const predicates = ruleSet.segments.map((segment) => compileTree(segment.conditions, slots));
  const ids = ruleSet.segments.map((segment) => segment.id);
  const defaultSegment = ruleSet.defaultSegment;
  return (facts) => {
    const values = read(facts);
    for (let index = 0; index < predicates.length; index++) {
      if ((predicates[index] as (typeof predicates)[number])(values)) return ids[index] as string;
    }
    return defaultSegment;
  };
}
