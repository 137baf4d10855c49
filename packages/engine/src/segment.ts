import { INVOICE_FACTS } from '@dunflow/model';
import type { FactDefinition, FactValues, SegmentationRuleSet } from '@dunflow/model';
import { InvalidRuleError } from './invalid-rule-error';
import { checkRuleSet } from './rule-checks';
import { runEngine } from './rule-evaluator';

/**
 * Returns the id of the first segment whose conditions hold for the facts, or the rule set's
 * `defaultSegment` when none does. Segments are evaluated in order with json-rules-engine,
 * under the rules of evaluateCondition. Raises InvalidRuleError when the rule set fails
 * checkRuleSet.
 */
export async function segmentOf(
  ruleSet: SegmentationRuleSet,
  facts: FactValues,
  catalog: readonly FactDefinition[] = INVOICE_FACTS,
): Promise<string> {
  const errors = checkRuleSet(ruleSet, catalog);
  if (errors.length > 0) throw new InvalidRuleError(errors);

  for (const segment of ruleSet.segments) {
    if (await runEngine(segment.conditions, facts, catalog)) return segment.id;
  }
  return ruleSet.defaultSegment;
}
