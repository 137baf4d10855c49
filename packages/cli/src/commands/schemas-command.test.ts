import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDir, REPO_ROOT, runDunflow, runDunflowJson, type TempDir } from './run-dunflow';
import type { SchemasOutput } from './schemas-command';

let temp: TempDir;

beforeEach(async () => {
  temp = await createTempDir();
});

afterEach(async () => {
  await temp.remove();
});

describe('schemas', () => {
  it('writes the schemas of rules/schemas', async () => {
    const { json } = await runDunflowJson<SchemasOutput>(['schemas', '--out', temp.path]);

    expect(json.written).toHaveLength(3);
    for (const name of ['scenario', 'segmentation', 'template']) {
      const file = `${name}.schema.json`;
      const written = await readFile(join(temp.path, file), 'utf8');

      expect(written).toBe(await readFile(join(REPO_ROOT, 'rules/schemas', file), 'utf8'));
    }
  });

  it('checks rules/schemas without writing', async () => {
    const result = await runDunflow(['schemas', '--check']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('are up to date');
  });

  it('fails the check on an outdated schema', async () => {
    await runDunflow(['schemas', '--out', temp.path]);
    await writeFile(join(temp.path, 'template.schema.json'), '{}\n');
    const result = await runDunflow(['schemas', '--check', '--out', temp.path]);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('template.schema.json: missing or out of date');
  });
});
