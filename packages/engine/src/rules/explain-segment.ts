import { INVOICE_FACTS } from '@dunflow/model';
import type { FactDefinition, FactValues, Segment, SegmentationRuleSet } from '@dunflow/model';
import { InvalidRuleError } from '../invalid-rule-error';
import { checkRuleSet } from '../rule-checks';
import type { SegmentExplanation, SegmentTrace } from './explanation';
import { compileFactCheck } from './fact-check';
import { compareFailingLeaves, failingLeaves, firstFailingLeaf } from './failing-leaves';
import { traceCondition } from './trace-condition';

/**
 * Explains which segment an invoice falls in: every segment's conditions with each fact's
 * value, whether each condition passed, the first failing condition, and the nearest miss
 * among the segments before the chosen one. The segment is the one segmentOf and
 * compileRuleSet return. Raises InvalidRuleError when the rule set fails checkRuleSet, and
 * FactValueError on a fact value of the wrong type.
 */
export function explainSegment(
  ruleSet: SegmentationRuleSet,
  facts: FactValues,
  catalog: readonly FactDefinition[] = INVOICE_FACTS,
): SegmentExplanation {
  const errors = checkRuleSet(ruleSet, catalog);
  if (errors.length > 0) throw new InvalidRuleError(errors);
  compileFactCheck(catalog)(facts);

  const definitions = new Map(catalog.map((fact) => [fact.name, fact]));
  const segments = ruleSet.segments.map((segment) => traceSegment(segment, facts, definitions));
  const chosen = segments.findIndex((segment) => segment.matched);
  const missed = chosen === -1 ? segments : segments.slice(0, chosen);

  const explanation: SegmentExplanation = {
    segment: segments[chosen]?.id ?? ruleSet.defaultSegment,
    isDefault: chosen === -1,
    segments,
  };
  const nearestMiss = findNearestMiss(missed);
  if (nearestMiss !== undefined) explanation.nearestMiss = nearestMiss;
  return explanation;
}

function traceSegment(
  segment: Segment,
  facts: FactValues,
  catalog: ReadonlyMap<string, FactDefinition>,
): SegmentTrace {
  const conditions = traceCondition(segment.conditions, facts, catalog);
  const trace: SegmentTrace = {
    id: segment.id,
    name: segment.name,
    matched: conditions.passed,
    conditions,
    failingLeaves: failingLeaves(conditions) ?? [],
  };
  const firstFailure = firstFailingLeaf(conditions);
  if (firstFailure !== undefined) trace.firstFailure = firstFailure;
  return trace;
}

/** Returns the failed segment closest to matching; the earlier of equals wins. */
function findNearestMiss(missed: readonly SegmentTrace[]): SegmentTrace | undefined {
  let nearest: SegmentTrace | undefined;
  for (const segment of missed) {
    // A segment that no change of leaves can make match is never near.
    if (segment.failingLeaves.length === 0) continue;
    if (nearest === undefined || compareFailingLeaves(segment.failingLeaves, nearest.failingLeaves) < 0) {
      nearest = segment;
    }
  }
  return nearest;
}
