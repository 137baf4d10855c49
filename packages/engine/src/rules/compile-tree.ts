import type { Condition, FactDefinition, FactType, TopLevelCondition } from '@dunflow/model';
import { compileLeaf } from './compile-leaf';
import type { Predicate } from './compile-leaf';

/** Where a fact's value sits in a FactReader's output, and its type. */
export type FactSlot = { index: number; type: FactType };

/** Returns the slot of every catalogue fact, by fact name. */
export function factSlots(catalog: readonly FactDefinition[]): ReadonlyMap<string, FactSlot> {
  return new Map(catalog.map((fact, index) => [fact.name, { index, type: fact.type }]));
}

/**
 * Compiles a condition tree that passed checkCondition into one predicate. `all` holds when
 * every child holds (so an empty `all` always holds), `any` when one does, `not` negates, and
 * each group stops at the first child that decides it, as json-rules-engine does.
 */
export function compileTree(
  condition: TopLevelCondition | Condition,
  slots: ReadonlyMap<string, FactSlot>,
): Predicate {
  if ('all' in condition) return compileAll(condition.all.map((item) => compileTree(item, slots)));
  if ('any' in condition) return compileAny(condition.any.map((item) => compileTree(item, slots)));
  if ('not' in condition) return compileNot(compileTree(condition.not, slots));

  const slot = slots.get(condition.fact);
  // checkCondition rejects unknown facts before a tree is compiled.
  if (!slot) throw new Error(`fact '${condition.fact}' is not in the catalogue`);
  return compileLeaf(condition, slot.index, slot.type);
}

function compileAll(children: readonly Predicate[]): Predicate {
  const [first, second] = children;
  if (children.length === 0 || !first) return () => true;
  if (children.length === 1) return first;
  if (children.length === 2 && second) return (values) => first(values) && second(values);
  return (values) => children.every((child) => child(values));
}

function compileAny(children: readonly Predicate[]): Predicate {
  const [first, second] = children;
  if (children.length === 0 || !first) return () => false;
  if (children.length === 1) return first;
  if (children.length === 2 && second) return (values) => first(values) || second(values);
  return (values) => children.some((child) => child(values));
}

function compileNot(child: Predicate): Predicate {
  return (values) => !child(values);
}
