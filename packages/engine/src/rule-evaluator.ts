import { INVOICE_FACTS } from '@dunflow/model';
import type { FactDefinition, FactValues, TopLevelCondition } from '@dunflow/model';
import { Engine } from 'json-rules-engine';
import { compileError } from './compile-error';
import { toEngineCondition, toEngineFacts } from './engine-input';
import { InvalidRuleError } from './invalid-rule-error';
import { checkCondition } from './rule-checks';

const MATCH_EVENT = { type: 'conditionsMet' };

/**
 * Evaluates a condition tree with json-rules-engine, the reference evaluator, after typed
 * checks that design out its traps:
 * - The rule must pass checkCondition, so the string '50' never meets a number fact and `in`
 *   always gets a list, never a string it would search for substrings. Otherwise this raises
 *   InvalidRuleError.
 * - Fact values must have their catalogue type, or this raises FactValueError. Date facts and
 *   date values both become day numbers, so they compare as dates.
 * - A missing fact is null and equals no value. `equal`, `in` and the ordering operators are
 *   false on it, `notEqual` and `notIn` are true, and `not` negates the result as usual.
 *
 * The rule JSON is never mutated.
 */
export async function evaluateCondition(
  rule: TopLevelCondition,
  facts: FactValues,
  catalog: readonly FactDefinition[] = INVOICE_FACTS,
): Promise<boolean> {
  const issues = checkCondition(rule, catalog);
  if (issues.length > 0) {
    throw new InvalidRuleError(
      issues.map((issue) => compileError({ ...issue, subject: 'condition' })),
    );
  }
  return runEngine(rule, facts, catalog);
}

/** Runs a rule already checked against the catalogue; shared with segmentOf. */
export async function runEngine(
  rule: TopLevelCondition,
  facts: FactValues,
  catalog: readonly FactDefinition[],
): Promise<boolean> {
  const engineFacts = toEngineFacts(facts, catalog);
  const engine = new Engine([{ conditions: toEngineCondition(rule, catalog), event: MATCH_EVENT }]);
  const result = await engine.run(engineFacts);
  return result.events.length > 0;
}
