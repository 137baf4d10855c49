import { z } from 'zod';

/** Removes the wrappers that do not change the shape of a value: optional, default, lazy. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) {
    return unwrapSchema(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodLazy) return unwrapSchema(schema.unwrap() as z.ZodType);
  return schema;
}

/**
 * Returns the option of a union that describes `object`: the first option it matches, e.g.
 * the node schema of its `type`. When it matches none, such as a node with an invalid field,
 * returns the first object option whose literal fields (`type`) it has, preferring one that
 * declares all its keys, else undefined.
 */
export function unionOption(
  schema: z.ZodUnion,
  object: Record<string, unknown>,
): z.ZodType | undefined {
  const options = (schema.options as readonly z.ZodType[]).map(unwrapSchema);
  return (
    options.find((option) => option.safeParse(object).success) ??
    options.find((option) => hasLiterals(option, object) && declaresKeys(option, object)) ??
    options.find((option) => hasLiterals(option, object))
  );
}

function declaresKeys(option: z.ZodType, object: Record<string, unknown>): boolean {
  if (!(option instanceof z.ZodObject)) return false;
  const shape = option.shape as Record<string, z.ZodType>;
  return Object.keys(object).every((key) => key in shape);
}

function hasLiterals(option: z.ZodType, object: Record<string, unknown>): boolean {
  if (!(option instanceof z.ZodObject)) return false;
  const shape = option.shape as Record<string, z.ZodType>;
  return Object.entries(shape).every(
    ([key, field]) => !(field instanceof z.ZodLiteral) || field.safeParse(object[key]).success,
  );
}

/** Returns whether `value` is a JSON object: not null and not an array. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
