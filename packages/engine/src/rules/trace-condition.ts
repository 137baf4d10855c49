import type {
  Condition,
  FactCondition,
  FactDefinition,
  FactValues,
  TopLevelCondition,
} from '@dunflow/model';
import { joinPath } from '../compile-error';
import { compileLeaf } from './compile-leaf';
import type { ConditionTrace, LeafTrace } from './explanation';
import { leafDistance } from './leaf-distance';

/**
 * Evaluates every node of a checked condition tree for facts already checked against the
 * catalogue, with the comparisons of the compiled evaluators. Unlike them it does not stop at
 * the first child that decides a group, so every leaf gets its outcome.
 */
export function traceCondition(
  condition: TopLevelCondition | Condition,
  facts: FactValues,
  catalog: ReadonlyMap<string, FactDefinition>,
  path = '',
): ConditionTrace {
  if ('all' in condition || 'any' in condition) {
    const kind = 'all' in condition ? 'all' : 'any';
    const children = 'all' in condition ? condition.all : condition.any;
    const groupPath = joinPath(path, kind);
    const conditions = children.map((child, index) =>
      traceCondition(child, facts, catalog, `${groupPath}[${index}]`),
    );
    // json-rules-engine passes an empty `any`, though checkCondition rejects one.
    const passed =
      kind === 'all' || conditions.length === 0
        ? conditions.every((child) => child.passed)
        : conditions.some((child) => child.passed);
    return { kind, path, passed, conditions };
  }
  if ('not' in condition) {
    const child = traceCondition(condition.not, facts, catalog, joinPath(path, 'not'));
    return { kind: 'not', path, passed: !child.passed, condition: child };
  }
  return traceLeaf(condition, facts, catalog, path);
}

function traceLeaf(
  leaf: FactCondition,
  facts: FactValues,
  catalog: ReadonlyMap<string, FactDefinition>,
  path: string,
): LeafTrace {
  const fact = catalog.get(leaf.fact);
  // checkCondition rejects unknown facts before a tree is traced.
  if (!fact) throw new Error(`fact '${leaf.fact}' is not in the catalogue`);

  const actual = facts[leaf.fact] ?? null;
  const passed = compileLeaf(leaf, fact.type)(facts);
  const trace: LeafTrace = {
    kind: 'fact',
    path,
    fact: leaf.fact,
    operator: leaf.operator,
    value: leaf.value,
    actual,
    passed,
  };
  const distance = leafDistance(fact, actual, leaf.value);
  if (distance !== undefined) trace.distance = distance;
  return trace;
}
