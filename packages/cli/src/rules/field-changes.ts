import { isDeepStrictEqual } from 'node:util';
import { jsonPath } from './rule-file-problem';

/** A field whose value differs; `from` is absent for an added field, `to` for a removed one. */
export interface FieldChange {
  path: string;
  from?: unknown;
  to?: unknown;
}

/**
 * Lists the fields that differ between two JSON values, as JSON paths relative to them,
 * e.g. `data.delay` or `data.rule.all[0].value`. Objects are compared key by key and arrays
 * of the same length item by item; an array whose length changed is one changed field.
 */
export function fieldChanges(
  from: unknown,
  to: unknown,
  path: readonly PropertyKey[] = [],
): FieldChange[] {
  if (isDeepStrictEqual(from, to)) return [];
  if (isObject(from) && isObject(to)) return objectChanges(from, to, path);
  if (Array.isArray(from) && Array.isArray(to) && from.length === to.length) {
    return from.flatMap((item, index) => fieldChanges(item, to[index], [...path, index]));
  }
  return [{ path: jsonPath(path), from, to }];
}

function objectChanges(
  from: Record<string, unknown>,
  to: Record<string, unknown>,
  path: readonly PropertyKey[],
): FieldChange[] {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return keys.flatMap((key) => {
    if (!(key in to)) return [{ path: jsonPath([...path, key]), from: from[key] }];
    if (!(key in from)) return [{ path: jsonPath([...path, key]), to: to[key] }];
    return fieldChanges(from[key], to[key], [...path, key]);
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
