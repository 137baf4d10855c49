import type { SegmentationRuleSet } from '@dunflow/model';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { FactValueError } from '../fact-value-error';
import { compileRuleSet } from './compile-rule-set';

const RULE_SET: SegmentationRuleSet = {
  formatVersion: 1,
  kind: 'segmentation',
  id: 'risk',
  name: 'Risk',
  defaultSegment: 'standard',
  segments: [
    {
      id: 'large',
      name: 'Large',
      conditions: {
        all: [
          { fact: 'openAmount', operator: 'greaterThanInclusive', value: 1000 },
          { fact: 'dueDate', operator: 'lessThan', value: '2026-03-01' },
        ],
      },
    },
  ],
};

let constructions = 0;

/**
 * Returns a stand-in for the Function constructor that raises the error, like the constructor
 * of a platform that forbids code generation from strings.
 */
function failingConstructor(error: Error) {
  return function () {
    constructions++;
    throw error;
  };
}

describe('compileRuleSet without code generation', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('falls back to closures', () => {
    constructions = 0;
    const evalError = new EvalError('Code generation from strings disallowed for this context');
    vi.stubGlobal('Function', failingConstructor(evalError));
    const segment = compileRuleSet(RULE_SET);
    expect(constructions).toBe(1);

    expect(segment({ openAmount: 1000, dueDate: '2026-02-28' })).toBe('large');
    expect(segment({ openAmount: 999.99, dueDate: '2026-02-28' })).toBe('standard');
    expect(segment({ openAmount: 1000, dueDate: '2026-03-01' })).toBe('standard');
    expect(() => segment({ openAmount: '1000' })).toThrow(FactValueError);
  });

  test('raises other errors', () => {
    vi.stubGlobal('Function', failingConstructor(new RangeError('Maximum call stack size exceeded')));
    expect(() => compileRuleSet(RULE_SET)).toThrow(RangeError);
  });
});
