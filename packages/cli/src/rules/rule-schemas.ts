import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toJsonSchema } from '@dunflow/model';
import { RULE_FILE_KINDS } from './rule-file-kind';

/** A JSON Schema file of a rules folder's `schemas/` folder and its generated text. */
export interface RuleSchemaFile {
  name: string;
  text: string;
}

/**
 * Generates the JSON Schema of every rule file kind from its zod schema, as
 * `<kind>.schema.json` with a two-space indent and a final newline.
 */
export function generateRuleSchemas(): RuleSchemaFile[] {
  return RULE_FILE_KINDS.map((kind) => ({
    name: `${kind}.schema.json`,
    text: `${JSON.stringify(toJsonSchema(kind), null, 2)}\n`,
  }));
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
