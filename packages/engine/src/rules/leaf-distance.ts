import type { FactDefinition, FactValues, RuleValue } from '@dunflow/model';
import { toDayNumber } from '../day-number';
import type { Distance } from './explanation';

/**
 * Returns how far a number or date fact is from a condition's value, or undefined for a
 * missing fact, another fact type or an empty list. For a list it is the distance to the
 * nearest item. Dates are measured in days.
 */
export function leafDistance(
  fact: FactDefinition,
  actual: FactValues[string],
  value: RuleValue,
): Distance | undefined {
  const position = toPosition(fact, actual);
  if (position === undefined) return undefined;

  const items = Array.isArray(value) ? value : [value];
  let nearest: number | undefined;
  for (const item of items) {
    const target = toPosition(fact, item);
    if (target === undefined) continue;
    const gap = Math.abs(position - target);
    if (nearest === undefined || gap < nearest) nearest = gap;
  }
  if (nearest === undefined) return undefined;

  const unit = fact.type === 'date' ? 'days' : fact.unit;
  return unit === undefined ? { amount: nearest } : { amount: nearest, unit };
}

/** Places a number or a date (as its day number) on a line; undefined for anything else. */
function toPosition(fact: FactDefinition, value: unknown): number | undefined {
  if (fact.type === 'number') return typeof value === 'number' ? value : undefined;
  if (fact.type === 'date') return typeof value === 'string' ? toDayNumber(value) : undefined;
  return undefined;
}
