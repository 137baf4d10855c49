import type {
  Condition,
  FactCondition,
  FactDefinition,
  FactType,
  TopLevelCondition,
} from '@dunflow/model';

/**
 * The source text of a generated evaluator and the constants it reads. The text contains only
 * fixed fragments, operators from a fixed table and generated identifiers such as `v3` and
 * `k7`. Fact names and rule values reach the code only through `constants`, so no rule text
 * is ever parsed as code.
 */
export type GeneratedSource = { body: string; constants: readonly unknown[] };

/** Lists longer than this are tested with a Set, shorter ones with a chain of `===`. */
const MAX_UNROLLED_LIST = 8;

const ORDERING: Partial<Record<FactCondition['operator'], string>> = {
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
};

const TYPE_TESTS: Record<FactType, (value: string) => string> = {
  number: (value) => `(typeof ${value} === "number" && Number.isFinite(${value}))`,
  string: (value) => `(typeof ${value} === "string")`,
  boolean: (value) => `(typeof ${value} === "boolean")`,
  date: (value) => `(typeof ${value} === "string" && isIsoDate(${value}))`,
};

/**
 * Generates the body of `function (k, fail, isIsoDate)`, which returns an evaluator of the
 * condition trees. Unless `checkFacts` is false, the evaluator checks every catalogue fact like compileFactCheck and calls
 * `fail(index, value)` on the first value of the wrong type. It then returns the index of the
 * first tree that is true, or -1. The trees must have passed checkCondition.
 */
export function generateSource(
  trees: readonly TopLevelCondition[],
  catalog: readonly FactDefinition[],
  checkFacts = true,
): GeneratedSource {
  const constants: unknown[] = [];
  const constant = (value: unknown): string => `k${constants.push(value) - 1}`;
  const slots = new Map(catalog.map((fact, index) => [fact.name, { index, type: fact.type }]));

  const reads = catalog.map((fact, index) =>
    readFact(fact, index, constant(fact.name), checkFacts),
  );
  const tests = trees.map((tree, index) => {
    const expression = generateNode(tree, { slots, constant });
    return `    if (${expression}) return ${index};`;
  });
  const hoisted = constants.map((_, index) => `const k${index} = k[${index}];`);
  const body = [
    '"use strict";',
    ...hoisted,
    'return function evaluate(f) {',
    ...reads,
    ...tests,
    '    return -1;',
    '};',
  ].join('\n');
  return { body, constants };
}

type Context = {
  slots: ReadonlyMap<string, { index: number; type: FactType }>;
  constant: (value: unknown) => string;
};

// NOTE: checking all facts on every call, as segmentOf does, takes more than half of the time
// of the benchmark in docs/benchmarks/rule-evaluation.md, mostly for the date facts.
function readFact(fact: FactDefinition, index: number, name: string, check: boolean): string {
  const value = `v${index}`;
  if (!check) return `    const ${value} = f[${name}];`;
  const typeTest = TYPE_TESTS[fact.type](value);
  return [
    `    const ${value} = f[${name}];`,
    `    if (${value} != null && !${typeTest}) fail(${index}, ${value});`,
  ].join('\n');
}

function generateNode(condition: TopLevelCondition | Condition, context: Context): string {
  if ('all' in condition) return generateGroup(condition.all, ' && ', context);
  if ('any' in condition) return generateGroup(condition.any, ' || ', context);
  if ('not' in condition) return `!${generateNode(condition.not, context)}`;
  return generateLeaf(condition, context);
}

/** Generates `all` or `any`. An empty group is true, as json-rules-engine evaluates both. */
function generateGroup(children: readonly Condition[], join: string, context: Context): string {
  if (children.length === 0) return 'true';
  return `(${children.map((child) => generateNode(child, context)).join(join)})`;
}

function generateLeaf(leaf: FactCondition, context: Context): string {
  const slot = context.slots.get(leaf.fact);
  // checkCondition rejects unknown facts before any source is generated.
  if (!slot) throw new Error(`fact '${leaf.fact}' is not in the catalogue`);
  const value = `v${slot.index}`;

  if (leaf.operator === 'in') return generateIn(value, leaf.value, context);
  if (leaf.operator === 'notIn') return `!${generateIn(value, leaf.value, context)}`;
  if (leaf.operator === 'equal') return `(${value} === ${context.constant(leaf.value)})`;
  if (leaf.operator === 'notEqual') return `(${value} !== ${context.constant(leaf.value)})`;

  const symbol = ORDERING[leaf.operator];
  // checkCondition lets no other operator through, because `contains` fits no fact type.
  if (symbol === undefined) throw new Error(`operator '${leaf.operator}' cannot be compiled`);
  const kind = slot.type === 'date' ? 'string' : 'number';
  return `(typeof ${value} === "${kind}" && ${value} ${symbol} ${context.constant(leaf.value)})`;
}

/**
 * Tests list membership as json-rules-engine's `indexOf` does, with `===`. A Set finds the same
 * items because the checks admit no NaN, and both treat 0 and -0 as equal.
 */
function generateIn(value: string, list: FactCondition['value'], context: Context): string {
  // checkCondition guarantees a list for `in` and `notIn`.
  const items = Array.isArray(list) ? list : [];
  if (items.length === 0) return 'false';
  if (items.length > MAX_UNROLLED_LIST) return `${context.constant(new Set(items))}.has(${value})`;
  const tests = items.map((item) => `${value} === ${context.constant(item)}`);
  return `(${tests.join(' || ')})`;
}
