import { z } from 'zod';
import { jsonPath } from './rule-file-problem';
import { isJsonObject, unionOption, unwrapSchema } from './schema-walk';

/** A key of a rule file that its schema does not declare, which the schema would drop. */
export interface UndeclaredKey {
  /** JSON path of the key itself, e.g. `nodes[2].lable`. */
  path: string;
  key: string;
  /** The keys the schema declares at that place. */
  declared: string[];
}

/**
 * Lists the object keys of `value` that `schema` does not declare. Zod object schemas drop
 * such keys silently, so a misspelt optional field such as `lable` would otherwise be lost
 * without a word. Record keys are free, and values that match no union option are skipped.
 */
export function undeclaredKeys(
  schema: z.ZodType,
  value: unknown,
  path: readonly PropertyKey[] = [],
): UndeclaredKey[] {
  const inner = unwrapSchema(schema);
  if (Array.isArray(value) && inner instanceof z.ZodArray) {
    const element = inner.element as z.ZodType;
    return value.flatMap((item, index) => undeclaredKeys(element, item, [...path, index]));
  }
  if (!isJsonObject(value)) return [];
  if (inner instanceof z.ZodObject) return objectKeys(inner, value, path);
  if (inner instanceof z.ZodRecord) {
    const valueType = inner.valueType as z.ZodType;
    return Object.entries(value).flatMap(([key, item]) =>
      undeclaredKeys(valueType, item, [...path, key]),
    );
  }
  if (inner instanceof z.ZodUnion) {
    const option = unionOption(inner, value);
    return option === undefined ? [] : undeclaredKeys(option, value, path);
  }
  return [];
}

function objectKeys(
  schema: z.ZodObject,
  object: Record<string, unknown>,
  path: readonly PropertyKey[],
): UndeclaredKey[] {
  const shape = schema.shape as Record<string, z.ZodType>;
  const declared = Object.keys(shape);
  return Object.entries(object).flatMap(([key, item]) => {
    const field = shape[key];
    if (field === undefined) return [{ path: jsonPath([...path, key]), key, declared }];
    return undeclaredKeys(field, item, [...path, key]);
  });
}
