import { z } from 'zod';

/**
 * Returns a copy of `value` whose object keys follow the order in which `schema` declares
 * them, so that a rule file reads formatVersion, kind, id, name, ... nodes, edges. Keys the
 * schema does not declare follow in their original order, and the keys of a record are
 * sorted. Array items keep their order. Where the value does not match the schema (a union
 * with no matching option, say), the keys keep their original order.
 */
export function orderKeys(schema: z.ZodType, value: unknown): unknown {
  const inner = unwrap(schema);
  if (Array.isArray(value)) return orderArray(inner, value);
  if (!isPlainObject(value)) return value;
  if (inner instanceof z.ZodObject) return orderObject(inner, value);
  if (inner instanceof z.ZodRecord) return orderRecord(inner, value);
  if (inner instanceof z.ZodUnion) return orderUnion(inner, value);
  return value;
}

/** Removes the wrappers that do not change the shape of the value: optional, default, lazy. */
function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) {
    return unwrap(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodLazy) return unwrap(schema.unwrap() as z.ZodType);
  return schema;
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

/**
 * Orders by the first option the value matches, e.g. the node schema of its `type`. A value
 * that matches no option, such as a node with an invalid field, is ordered by the first object
 * option that declares all its keys and whose literal fields (`type`) it has.
 */
function orderUnion(schema: z.ZodUnion, object: Record<string, unknown>): unknown {
  const options = (schema.options as readonly z.ZodType[]).map(unwrap);
  const match =
    options.find((option) => option.safeParse(object).success) ??
    options.find((option) => fitsShape(option, object));
  return match === undefined ? object : orderKeys(match, object);
}

function fitsShape(option: z.ZodType, object: Record<string, unknown>): boolean {
  if (!(option instanceof z.ZodObject)) return false;
  const shape = option.shape as Record<string, z.ZodType>;
  if (!Object.keys(object).every((key) => key in shape)) return false;
  return Object.entries(shape).every(
    ([key, field]) => !(field instanceof z.ZodLiteral) || field.safeParse(object[key]).success,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
