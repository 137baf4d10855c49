import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { RULE_FILE_KINDS, schemaFileName, type RuleFileKind } from './rule-file-kind';
import { RULE_FILE_SCHEMAS } from './rule-file-schemas';
import { isJsonObject } from './schema-walk';

/** A JSON Schema file of a rules folder's `schemas/` folder and its generated text. */
export interface RuleSchemaFile {
  name: string;
  text: string;
}

/**
 * Generates the JSON Schema (draft 2020-12) of every rule file kind from its zod schema, as
 * `<kind>.schema.json` with a two-space indent and a final newline. Objects reject keys they
 * do not declare, as `dunflow validate` does, and the top level declares `$schema`.
 */
export function generateRuleSchemas(): RuleSchemaFile[] {
  return RULE_FILE_KINDS.map((kind) => ({
    name: schemaFileName(kind),
    text: `${JSON.stringify(ruleFileJsonSchema(kind), null, 2)}\n`,
  }));
}

function ruleFileJsonSchema(kind: RuleFileKind): Record<string, unknown> {
  const generated = z.toJSONSchema(RULE_FILE_SCHEMAS[kind], {
    io: 'input',
    unrepresentable: 'any',
  });
  const { $schema, ...schema } = closeObjects(generated) as Record<string, unknown>;
  const properties = isJsonObject(schema['properties']) ? schema['properties'] : {};
  return {
    $schema,
    title: `Dunflow ${kind} file`,
    ...schema,
    properties: {
      $schema: { type: 'string', description: 'The JSON Schema of this file, for editors.' },
      ...properties,
    },
  };
}

/** Adds `additionalProperties: false` to every object schema that lists its properties. */
function closeObjects(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(closeObjects);
  if (!isJsonObject(value)) return value;
  const closed = Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, closeObjects(item)]),
  );
  if (isJsonObject(value['properties']) && !('additionalProperties' in value)) {
    closed['additionalProperties'] = false;
  }
  return closed;
}

/** Writes the generated schemas into `dir`, creating it when it is missing. */
export async function writeRuleSchemas(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const schemas = generateRuleSchemas();
  await Promise.all(schemas.map((schema) => writeFile(join(dir, schema.name), schema.text)));
  return schemas.map((schema) => join(dir, schema.name));
}

/** Returns the schema files of `dir` that are missing or differ from the generated ones. */
export async function staleRuleSchemas(dir: string): Promise<string[]> {
  const stale: string[] = [];
  for (const schema of generateRuleSchemas()) {
    const file = join(dir, schema.name);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== schema.text) stale.push(file);
  }
  return stale;
}
