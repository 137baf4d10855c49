import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../commands/run-dunflow';
import { listRuleFiles } from './list-rule-files';
import { SCHEMAS_FOLDER } from './rule-file-kind';
import { generateRuleSchemas, staleRuleSchemas } from './rule-schemas';

const RULES = join(REPO_ROOT, 'rules');

describe('rule schemas', () => {
  it('are up to date in rules/schemas', async () => {
    expect(await staleRuleSchemas(join(RULES, SCHEMAS_FOLDER))).toEqual([]);
  });

  it('are referenced by every rule file', async () => {
    for (const entry of (await listRuleFiles(RULES)) ?? []) {
      const json = JSON.parse(await readFile(entry.file, 'utf8')) as { $schema: string };
      const schema = resolve(dirname(entry.file), json.$schema);

      expect(schema).toBe(join(RULES, SCHEMAS_FOLDER, `${entry.kind}.schema.json`));
    }
  });

  it('declare $schema and reject undeclared keys', () => {
    for (const file of generateRuleSchemas()) {
      const schema = JSON.parse(file.text) as {
        properties: Record<string, unknown>;
        additionalProperties: unknown;
        required: string[];
      };

      expect(Object.keys(schema.properties)[0]).toBe('$schema');
      expect(schema.additionalProperties).toBe(false);
      expect(schema.required).toContain('formatVersion');
    }
  });
});
