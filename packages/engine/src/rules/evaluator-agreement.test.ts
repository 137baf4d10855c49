import { INVOICE_FACTS } from '@dunflow/model';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toDayNumber } from '../day-number';
import { InvalidRuleError } from '../invalid-rule-error';
import { evaluateCondition } from '../rule-evaluator';
import { segmentOf } from '../segment';
import { compileCondition } from './compile-condition';
import { compileRuleSet } from './compile-rule-set';
import { closureFirstMatch } from './evaluator';
import { explainSegment } from './explain-segment';
import { isIsoDate } from './iso-date';
import { factValues, mostlyValidTree, ruleSet } from './rule-arbitraries';

/** What an evaluation returned or raised, in a form `toEqual` can compare. */
type Outcome = { result: unknown } | { error: string; message: string; details?: unknown };

async function outcomeOf(evaluate: () => unknown): Promise<Outcome> {
  try {
    return { result: await evaluate() };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const details = error instanceof InvalidRuleError ? error.errors : undefined;
    return { error: error.name, message: error.message, details };
  }
}

describe('compiled evaluators agree with json-rules-engine', () => {
  test('on random conditions and facts', async () => {
    await fc.assert(
      fc.asyncProperty(mostlyValidTree(), factValues(INVOICE_FACTS, true), async (rule, facts) => {
        const reference = await outcomeOf(() => evaluateCondition(rule, facts));
        const compiled = await outcomeOf(() => compileCondition(rule)(facts));
        expect(compiled).toEqual(reference);

        if ('error' in reference && reference.error === 'InvalidRuleError') return;
        const closures = closureFirstMatch([rule], INVOICE_FACTS);
        expect(await outcomeOf(() => closures(facts) === 0)).toEqual(reference);
      }),
      { numRuns: 4000 },
    );
  });

  test('on random rule sets and facts', async () => {
    await fc.assert(
      fc.asyncProperty(ruleSet(), factValues(INVOICE_FACTS, true), async (rules, facts) => {
        const reference = await outcomeOf(() => segmentOf(rules, facts));
        expect(await outcomeOf(() => compileRuleSet(rules)(facts))).toEqual(reference);
        const explained = await outcomeOf(() => explainSegment(rules, facts).segment);
        expect(explained).toEqual(reference);
        if ('error' in reference) return;

        const traces = explainSegment(rules, facts).segments;
        const matched = rules.segments.map((segment) => compileCondition(segment.conditions)(facts));
        expect(traces.map((trace) => trace.matched)).toEqual(matched);
        for (const trace of traces) {
          if (trace.matched) expect(trace.firstFailure).toBeUndefined();
          if (trace.matched) expect(trace.failingLeaves).toEqual([]);
          if (trace.failingLeaves.length > 0) expect(trace.firstFailure).toBeDefined();
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('evaluators on facts typed by construction', () => {
  test('agree without the fact check', async () => {
    await fc.assert(
      fc.asyncProperty(ruleSet(), factValues(INVOICE_FACTS), async (rules, facts) => {
        const reference = await outcomeOf(() => segmentOf(rules, facts));
        const options = { factsChecked: true };
        const compiled = await outcomeOf(() => compileRuleSet(rules, INVOICE_FACTS, options)(facts));
        expect(compiled).toEqual(reference);
        if (!('result' in reference)) return;

        const closures = closureFirstMatch(
          rules.segments.map((segment) => segment.conditions),
          INVOICE_FACTS,
          false,
        );
        const index = closures(facts);
        expect(rules.segments[index]?.id ?? rules.defaultSegment).toEqual(reference.result);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isIsoDate', () => {
  const digits = fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-', '/', ' ', 'x');
  const dateLike = fc.oneof(
    fc.string({ unit: digits, minLength: 8, maxLength: 11 }),
    fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(([year, month, day]) =>
        [String(year).padStart(4, '0'), month, day]
          .map((part) => String(part).padStart(2, '0'))
          .join('-'),
      ),
    fc.string(),
  );

  test('accepts what toDayNumber accepts', () => {
    fc.assert(
      fc.property(dateLike, (text) => {
        expect(isIsoDate(text)).toBe(toDayNumber(text) !== undefined);
      }),
      { numRuns: 5000 },
    );
  });
});
