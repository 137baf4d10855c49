import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Scenario, SegmentationRuleSet, Template, type ScenarioInput } from '@dunflow/model';
import { compile, type CompileCatalog, type CompileResult } from '@dunflow/engine';
import type { z } from 'zod';
import { parseRuleFile } from './parse-rule-file';
import type { RuleFileKind } from './rule-file-kind';
import { RulesFileError } from './rules-file-error';

export { RulesFileError } from './rules-file-error';

/** The rule files of a `rules/` folder: scenarios, segmentation rule sets and templates. */
export interface RulesFolder {
  scenarios: Map<string, { file: string; input: unknown }>;
  catalog: CompileCatalog;
}

/**
 * Reads every JSON file under `scenarios/`, `segmentations/` and `templates/` of `dir`. Each
 * file is migrated to the current format version, and its `$schema` key is ignored.
 */
export async function readRulesFolder(dir: string): Promise<RulesFolder> {
  const scenarios = new Map<string, { file: string; input: unknown }>();
  for (const { file, json } of await readJsonFiles(join(dir, 'scenarios'), 'scenario')) {
    const id = Scenario.shape.id.safeParse((json as Partial<ScenarioInput>).id);
    if (!id.success) throw new RulesFileError(file, 'has no valid "id"', 'add one such as "default"');
    scenarios.set(id.data, { file, input: json });
  }
  const templates = await readTyped(join(dir, 'templates'), 'template', Template);
  const ruleSets = await readTyped(join(dir, 'segmentations'), 'segmentation', SegmentationRuleSet);
  return { scenarios, catalog: { templates, ruleSets } };
}

/** Compiles the scenario `scenarioId` of a rules folder against the folder's catalogue. */
export function compileFromFolder(folder: RulesFolder, scenarioId: string): CompileResult {
  const scenario = folder.scenarios.get(scenarioId);
  if (scenario === undefined) {
    const known = [...folder.scenarios.keys()].join(', ');
    throw new Error(
      `scenario '${scenarioId}' is not in the rules folder; known scenarios: ${known}`,
    );
  }
  return compile(scenario.input, folder.catalog);
}

async function readTyped<T>(
  dir: string,
  kind: RuleFileKind,
  schema: z.ZodType<T>,
): Promise<T[]> {
  const files = await readJsonFiles(dir, kind);
  return files.map(({ file, json }) => {
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue === undefined ? '' : ` at ${issue.path.join('.')}`;
      throw new RulesFileError(
        file,
        `is invalid${where}: ${issue?.message ?? 'unknown error'}`,
        'run `dunflow validate` for every problem and its fix',
      );
    }
    return parsed.data;
  });
}

async function readJsonFiles(
  dir: string,
  kind: RuleFileKind,
): Promise<{ file: string; json: unknown }[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = join(dir, name);
      const text = await readFile(file, 'utf8');
      return { file, json: parseRuleFile(file, text, kind) };
    }),
  );
}
