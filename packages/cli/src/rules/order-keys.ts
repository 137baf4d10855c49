import { z } from 'zod';
import { isJsonObject, unionOption, unwrapSchema } from './schema-walk';

/**
 * Returns a copy of `value` whose object keys follow the order in which `schema` declares
 * them, so that a scenario reads formatVersion, kind, id, name, ... nodes, edges. Keys the
 * schema does not declare follow in their original order, and the keys of a record are
 * sorted. Array items keep their order. Where the value does not match the schema (a union
 * with no matching option, say), the keys keep their original order.
 */
export function orderKeys(schema: z.ZodType, value: unknown): unknown {
  const inner = unwrapSchema(schema);
  if (Array.isArray(value)) return orderArray(inner, value);
  if (!isJsonObject(value)) return value;
  if (inner instanceof z.ZodObject) return orderObject(inner, value);
  if (inner instanceof z.ZodRecord) return orderRecord(inner, value);
  if (inner instanceof z.ZodUnion) {
    const option = unionOption(inner, value);
    return option === undefined ? value : orderKeys(option, value);
  }
  return value;
}

function orderArray(schema: z.ZodType, items: readonly unknown[]): unknown[] {
  const element = schema instanceof z.ZodArray ? (schema.element as z.ZodType) : undefined;
  return items.map((item) => (element === undefined ? item : orderKeys(element, item)));
}

function orderObject(
  schema: z.ZodObject,
  object: Record<string, unknown>,
): Record<string, unknown> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const declared = Object.keys(shape).filter((key) => key in object);
  const undeclared = Object.keys(object).filter((key) => !(key in shape));
  const ordered: Record<string, unknown> = {};
  for (const key of declared) ordered[key] = orderKeys(shape[key] as z.ZodType, object[key]);
  for (const key of undeclared) ordered[key] = object[key];
  return ordered;
}

function orderRecord(
  schema: z.ZodRecord,
  object: Record<string, unknown>,
): Record<string, unknown> {
  const valueType = schema.valueType as z.ZodType;
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(object).sort()) ordered[key] = orderKeys(valueType, object[key]);
  return ordered;
}
