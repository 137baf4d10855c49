import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { compile, type CompileResult } from '@dunflow/engine';
import { Scenario, type ScenarioNode } from '@dunflow/model';
import { InputFileError } from '../book/input-file-error';
import { requireFile } from '../book/require-file';
import { compileFromFolder, readRulesFolder, type RulesFolder } from '../rules/rules-folder';

/** A scenario named on the command line, compiled against a rules folder's catalogue. */
export interface ScenarioSource {
  /** The scenario id, or the argument when the file has no valid id. */
  id: string;
  /** The JSON file the scenario was read from. */
  file: string;
  /** Nodes in the order of the file, for tables; empty when the file fails the schema. */
  nodes: ScenarioNode[];
  compiled: CompileResult;
}

/**
 * Loads SCENARIO: a path to a scenario JSON file when it ends in `.json` or names an existing
 * file, else a scenario id of the rules folder. Either way it is compiled against the
 * folder's templates and segmentation rule sets.
 */
export async function loadScenario(argument: string, rulesDir: string): Promise<ScenarioSource> {
  const folder = await loadRulesFolder(rulesDir);
  if (await looksLikeFile(argument)) return compileFile(argument, folder);

  const entry = folder.scenarios.get(argument);
  if (entry === undefined) {
    const known = [...folder.scenarios.keys()].join(', ') || 'none';
    throw new InputFileError(
      argument,
      `scenario '${argument}' is not in ${resolve(rulesDir, 'scenarios')} (known: ${known}); ` +
        'pass one of those ids, or the path to a scenario JSON file',
    );
  }
  return sourceOf(argument, entry.file, entry.input, compileFromFolder(folder, argument));
}

/** Reads a rules folder; a missing folder or subfolder gets a message with the layout. */
async function loadRulesFolder(dir: string): Promise<RulesFolder> {
  try {
    return await readRulesFolder(dir);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    const missing = (error as { path?: unknown }).path;
    throw new InputFileError(
      dir,
      `rules folder '${dir}' cannot be read: ${String(missing)} does not exist; a rules folder ` +
        'has scenarios/, segmentations/ and templates/ subfolders of JSON files (see --rules)',
    );
  }
}

async function looksLikeFile(argument: string): Promise<boolean> {
  if (argument.endsWith('.json')) return true;
  try {
    await requireFile(argument, 'scenario file');
    return true;
  } catch {
    return false;
  }
}

async function compileFile(file: string, folder: RulesFolder): Promise<ScenarioSource> {
  await requireFile(file, 'scenario file');
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputFileError(file, `scenario file '${file}' is not valid JSON: ${reason}`);
  }
  const id = Scenario.shape.id.safeParse((input as { id?: unknown } | null)?.id);
  return sourceOf(id.success ? id.data : file, file, input, compile(input, folder.catalog));
}

function sourceOf(
  id: string,
  file: string,
  input: unknown,
  compiled: CompileResult,
): ScenarioSource {
  const parsed = Scenario.safeParse(input);
  return { id, file, nodes: parsed.success ? parsed.data.nodes : [], compiled };
}
