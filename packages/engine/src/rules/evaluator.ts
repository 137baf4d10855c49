import type { FactDefinition, FactValues, TopLevelCondition } from '@dunflow/model';
import { FactValueError } from '../fact-value-error';
import { compileFactCheck } from './fact-check';
import { compileTree, factTypes } from './compile-tree';
import { generateSource } from './generated-source';
import { isIsoDate } from './iso-date';

/**
 * A compiled evaluator of several condition trees. It returns the index of the first tree that
 * is true for the facts, or -1 when none is, and raises FactValueError on a catalogue fact of
 * the wrong type.
 */
export type FirstMatch = (facts: FactValues) => number;

type GeneratedFactory = (
  constants: readonly unknown[],
  fail: (index: number, value: unknown) => never,
  isDate: (text: string) => boolean,
) => FirstMatch;

/**
 * Compiles checked condition trees into generated code when the platform allows `new Function`,
 * and into closures when it does not (e.g. a browser page whose Content Security Policy forbids
 * `unsafe-eval`). Both give the same results.
 */
export function compileFirstMatch(
  trees: readonly TopLevelCondition[],
  catalog: readonly FactDefinition[],
  checkFacts = true,
): FirstMatch {
  return (
    generateFirstMatch(trees, catalog, checkFacts) ?? closureFirstMatch(trees, catalog, checkFacts)
  );
}

/** Compiles the trees into closures; slower than generated code, and works everywhere. */
export function closureFirstMatch(
  trees: readonly TopLevelCondition[],
  catalog: readonly FactDefinition[],
  checkFacts = true,
): FirstMatch {
  const check = compileFactCheck(catalog);
  const types = factTypes(catalog);
  const predicates = trees.map((tree) => compileTree(tree, types));
  const firstTrue = (facts: FactValues) => predicates.findIndex((predicate) => predicate(facts));
  if (!checkFacts) return firstTrue;
  return (facts) => {
    check(facts);
    return firstTrue(facts);
  };
}

/**
 * Compiles the trees into one generated function, or returns undefined when the platform
 * forbids code generation. See generateSource for why rule text never becomes code.
 */
export function generateFirstMatch(
  trees: readonly TopLevelCondition[],
  catalog: readonly FactDefinition[],
  checkFacts = true,
): FirstMatch | undefined {
  const { body, constants } = generateSource(trees, catalog, checkFacts);
  let factory: GeneratedFactory;
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the body holds no rule text.
    factory = new Function('k', 'fail', 'isIsoDate', body) as GeneratedFactory;
  } catch (error) {
    if (error instanceof EvalError) return undefined;
    throw error;
  }
  const fail = (index: number, value: unknown): never => {
    const fact = catalog[index] as FactDefinition;
    throw new FactValueError(fact.name, value, fact.type);
  };
  return factory(constants, fail, isIsoDate);
}
