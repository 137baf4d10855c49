import type {
  Condition,
  FactCondition,
  FactDefinition,
  FactValues,
  RuleValue,
  TopLevelCondition,
} from '@dunflow/model';
import type { TopLevelCondition as EngineCondition } from 'json-rules-engine';
import { toDayNumber } from './day-number';
import { FactValueError } from './fact-value-error';

/** A fact value as handed to json-rules-engine: dates become day numbers. */
export type EngineFactValue = number | string | boolean | null;

type EngineLeaf = { fact: string; operator: string; value: RuleValue };
type EngineNode = EngineLeaf | { all: EngineNode[] } | { any: EngineNode[] } | { not: EngineNode };

/**
 * Returns the value of every catalogue fact, checked against its type, for json-rules-engine.
 * A missing fact becomes null. Date facts become day numbers, so they compare as dates rather
 * than as text. Raises FactValueError on a value of the wrong type, such as a numeric string.
 */
export function toEngineFacts(
  facts: FactValues,
  catalog: readonly FactDefinition[],
): Record<string, EngineFactValue> {
  const values: Record<string, EngineFactValue> = {};
  for (const definition of catalog) {
    values[definition.name] = toEngineFact(definition, facts[definition.name] ?? null);
  }
  return values;
}

function toEngineFact(definition: FactDefinition, value: unknown): EngineFactValue {
  if (value === null) return null;
  switch (definition.type) {
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      break;
    case 'string':
      if (typeof value === 'string') return value;
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      break;
    case 'date': {
      const day = typeof value === 'string' ? toDayNumber(value) : undefined;
      if (day !== undefined) return day;
      break;
    }
  }
  throw new FactValueError(definition.name, value, definition.type);
}

/**
 * Copies a checked condition tree for json-rules-engine, with date values turned into day
 * numbers like the date facts. The tree is rebuilt, so anything json-rules-engine does to the
 * objects it is given touches only the copy and never the caller's rule.
 */
export function toEngineCondition(
  rule: TopLevelCondition,
  catalog: readonly FactDefinition[],
): EngineCondition {
  const dateFacts = new Set(catalog.filter((fact) => fact.type === 'date').map((f) => f.name));
  return copyNode(rule, dateFacts) as EngineCondition;
}

function copyNode(condition: Condition, dateFacts: ReadonlySet<string>): EngineNode {
  if ('all' in condition) return { all: condition.all.map((item) => copyNode(item, dateFacts)) };
  if ('any' in condition) return { any: condition.any.map((item) => copyNode(item, dateFacts)) };
  if ('not' in condition) return { not: copyNode(condition.not, dateFacts) };
  return copyLeaf(condition, dateFacts.has(condition.fact));
}

function copyLeaf(leaf: FactCondition, isDate: boolean): EngineLeaf {
  const value = Array.isArray(leaf.value) ? [...leaf.value] : leaf.value;
  return { fact: leaf.fact, operator: leaf.operator, value: isDate ? toDayValue(value) : value };
}

function toDayValue(value: RuleValue): RuleValue {
  if (Array.isArray(value)) return value.map((item) => toDayItem(item));
  return typeof value === 'string' ? toDayItem(value) : value;
}

/** Converts a checked date value; checks already rejected anything that is not a date. */
function toDayItem(item: string | number): string | number {
  return typeof item === 'string' ? (toDayNumber(item) ?? item) : item;
}
