import type { FactDefinition, FactType, FactValues } from '@dunflow/model';
import { toDayNumber } from '../day-number';
import { toEngineFacts } from '../engine-input';
import type { EngineFactValue } from '../engine-input';

/** Reads an invoice's facts into an array in catalogue order, as compiled conditions use them. */
export type FactReader = (facts: FactValues) => EngineFactValue[];

/** The largest number of dates kept by the day-number cache before it starts again empty. */
const MAX_CACHED_DATES = 50_000;
const dayNumbers = new Map<string, number>();

/**
 * Compiles a reader for the catalogue. Each value is checked and converted like json-rules-engine's
 * input in toEngineFacts: a missing fact becomes null and a date becomes its day number. A value
 * the fast check does not accept goes to toEngineFacts itself, which raises the FactValueError,
 * so the type rules stay in one place.
 */
export function compileFactReader(catalog: readonly FactDefinition[]): FactReader {
  const names = catalog.map((fact) => fact.name);
  const types = catalog.map((fact) => fact.type);
  return (facts) => {
    const values = new Array<EngineFactValue>(names.length);
    for (let index = 0; index < names.length; index++) {
      const value = facts[names[index] as string] ?? null;
      const converted = value === null ? null : convert(value, types[index] as FactType);
      if (converted === undefined) return toEngineValues(facts, catalog);
      values[index] = converted;
    }
    return values;
  };
}

/** Converts a value of the right type, or returns undefined for any other value. */
function convert(value: number | string | boolean, type: FactType): EngineFactValue | undefined {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'date':
      return typeof value === 'string' ? cachedDayNumber(value) : undefined;
  }
}

/** Returns toDayNumber of the text, remembering valid dates because a book repeats them. */
function cachedDayNumber(text: string): number | undefined {
  const cached = dayNumbers.get(text);
  if (cached !== undefined) return cached;

  const day = toDayNumber(text);
  if (day === undefined) return undefined;
  if (dayNumbers.size >= MAX_CACHED_DATES) dayNumbers.clear();
  dayNumbers.set(text, day);
  return day;
}

/** Converts through toEngineFacts, which raises FactValueError on the value the fast check refused. */
function toEngineValues(facts: FactValues, catalog: readonly FactDefinition[]): EngineFactValue[] {
  const values = toEngineFacts(facts, catalog);
  return catalog.map((fact) => values[fact.name] ?? null);
}
