import type { FactDefinition, FactType, FactValues } from '@dunflow/model';
import { FactValueError } from '../fact-value-error';
import { isIsoDate } from './iso-date';

/** A check of one invoice's fact values, made before compiled conditions read them. */
export type FactCheck = (facts: FactValues) => void;

/**
 * Compiles a check of every catalogue fact, in catalogue order, under the rules of
 * toEngineFacts: a missing or null fact is allowed, and any other value must have the fact's
 * type, or the check raises the FactValueError that toEngineFacts raises for the first such
 * fact. Checking every fact, and not only those a rule reads, keeps the compiled evaluators
 * raising where evaluateCondition and segmentOf raise.
 */
export function compileFactCheck(catalog: readonly FactDefinition[]): FactCheck {
  const names = catalog.map((fact) => fact.name);
  const types = catalog.map((fact) => fact.type);
  return (facts) => {
    for (let index = 0; index < names.length; index++) {
      const name = names[index] as string;
      const value: unknown = facts[name];
      const type = types[index] as FactType;
      if (value !== undefined && value !== null && !fitsType(value, type)) {
        throw new FactValueError(name, value, type);
      }
    }
  };
}

function fitsType(value: unknown, type: FactType): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && isIsoDate(value);
  }
}
