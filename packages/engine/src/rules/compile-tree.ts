import type { Condition, FactDefinition, FactType, TopLevelCondition } from '@dunflow/model';
import { compileLeaf } from './compile-leaf';
import type { Predicate } from './compile-leaf';

/** Returns the type of every catalogue fact, by fact name. */
export function factTypes(catalog: readonly FactDefinition[]): ReadonlyMap<string, FactType> {
  return new Map(catalog.map((fact) => [fact.name, fact.type]));
}

/**
 * Compiles a condition tree that passed checkCondition into one predicate. `all` is true when
 * every child is (so an empty `all` is true), `any` when one child is, and `not` negates. Each
 * group stops at the first child that decides it. That changes no result, because the leaves
 * have no side effects.
 */
export function compileTree(
  condition: TopLevelCondition | Condition,
  types: ReadonlyMap<string, FactType>,
): Predicate {
  if ('all' in condition) return compileAll(condition.all.map((item) => compileTree(item, types)));
  if ('any' in condition) return compileAny(condition.any.map((item) => compileTree(item, types)));
  if ('not' in condition) return compileNot(compileTree(condition.not, types));
  return compileLeaf(condition, leafType(condition.fact, types));
}

/** Returns the fact's type; checkCondition rejects unknown facts before a tree is compiled. */
export function leafType(fact: string, types: ReadonlyMap<string, FactType>): FactType {
  const type = types.get(fact);
  if (type === undefined) throw new Error(`fact '${fact}' is not in the catalogue`);
  return type;
}

function compileAll(children: readonly Predicate[]): Predicate {
  const [first, second] = children;
  if (first === undefined) return () => true;
  if (second === undefined) return first;
  if (children.length === 2) return (facts) => first(facts) && second(facts);
  return (facts) => {
    for (const child of children) if (!child(facts)) return false;
    return true;
  };
}

/** Compiles `any`. An empty one is true, as in json-rules-engine, though checkCondition rejects it. */
function compileAny(children: readonly Predicate[]): Predicate {
  const [first, second] = children;
  if (first === undefined) return () => true;
  if (second === undefined) return first;
  if (children.length === 2) return (facts) => first(facts) || second(facts);
  return (facts) => {
    for (const child of children) if (child(facts)) return true;
    return false;
  };
}

function compileNot(child: Predicate): Predicate {
  return (facts) => !child(facts);
}
