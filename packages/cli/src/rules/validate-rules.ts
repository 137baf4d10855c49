import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { compile, type CompileCatalog } from '@dunflow/engine';
import type { CompiledDefinition } from '@dunflow/model';
import { InputFileError } from '../book/input-file-error';
import { checkRuleFile, type CheckedRuleFile } from './check-rule-file';
import { duplicateIdProblems } from './duplicate-ids';
import { listRuleFiles, type RuleFileEntry } from './list-rule-files';
import { parseJsonObject } from './parse-rule-file';
import { KIND_FOLDERS, kindOfFile, SCHEMAS_FOLDER } from './rule-file-kind';
import { ruleFileProblem, type RuleFileProblem } from './rule-file-problem';
import { staleRuleSchemas } from './rule-schemas';

/** The result of validating one rule file, or one JSON Schema file of a rules folder. */
export interface RuleFileResult {
  file: string;
  kind: string;
  valid: boolean;
  /** Whether the file was canonical; null when it could not be read. */
  canonical: boolean | null;
  fixed: boolean;
  problems: RuleFileProblem[];
}

export interface ValidationReport {
  valid: boolean;
  files: RuleFileResult[];
}

export interface ValidateOptions {
  /** Rewrite files that are not canonical. */
  fix: boolean;
  /** The rules folder whose templates and rule sets loose scenario files compile against. */
  rulesDir: string;
}

/** A validation report with what publishing needs of each valid file. */
export interface CheckedRules {
  report: ValidationReport;
  /** The migrated content of each readable file, by file as given. */
  contents: Map<string, CheckedRuleFile>;
  /** The compiled definition of each scenario that compiles, by file as given. */
  definitions: Map<string, CompiledDefinition>;
}

interface Target {
  entry: RuleFileEntry;
  /** The rules folder whose catalogue a scenario compiles against. */
  root: string;
}

/**
 * Validates rules folders and rule files, reporting every problem of every file in one run.
 * Every file is parsed, migrated and checked against its schema, and every scenario is
 * compiled against the templates and rule sets of its rules folder: the folder named, the
 * folder above a file's `scenarios/` subfolder, or else `options.rulesDir`. A folder's
 * `schemas/` must match the generated JSON Schemas.
 */
export async function validateRules(
  paths: readonly string[],
  options: ValidateOptions,
): Promise<ValidationReport> {
  return (await checkRules(paths, options)).report;
}

/** Validates as {@link validateRules} does, and keeps each file's content and definition. */
export async function checkRules(
  paths: readonly string[],
  options: ValidateOptions,
): Promise<CheckedRules> {
  const targetLists = await Promise.all(paths.map((path) => targetsOf(path, options)));
  const targets = unique(targetLists.flat());
  const checked = new Map<string, CheckedRuleFile>();
  const contents = new Map<string, CheckedRuleFile>();
  const definitions = new Map<string, CompiledDefinition>();
  const results: RuleFileResult[] = [];
  // Check every named file first, so --fix applies to it before a catalogue reads it.
  for (const target of targets) await checkCached(checked, target.entry, options.fix);
  for (const target of targets) {
    const file = await checkCached(checked, target.entry, options.fix);
    contents.set(file.file, file);
    const catalog = target.entry.kind === 'scenario' ? await catalogOf(checked, target.root) : null;
    const compiled = compileScenario(file, catalog);
    if (compiled.definition !== undefined) definitions.set(file.file, compiled.definition);
    results.push(resultOf(file, compiled.errors));
  }
  addDuplicateIds(results, targets, checked);
  results.push(...(await schemaResults(paths)));
  const report = { valid: results.every((result) => result.valid), files: results };
  return { report, contents, definitions };
}

async function targetsOf(path: string, options: ValidateOptions): Promise<Target[]> {
  const info = await stat(path).catch(() => {
    throw new InputFileError(path, `'${path}' does not exist; pass a rules folder or a JSON file`);
  });
  if (info.isDirectory()) return folderTargets(path);
  const kind = kindOfFile(path, await readKindHint(path));
  if (kind === undefined) {
    throw new InputFileError(
      path,
      `'${path}' is neither in a scenarios/, segmentations/ or templates/ folder nor has a ` +
        '"kind" of "scenario", "segmentation" or "template"; move it into its folder of the ' +
        'rules folder',
    );
  }
  const inFolder = basename(dirname(path)) === KIND_FOLDERS[kind];
  const root = inFolder ? dirname(dirname(path)) : options.rulesDir;
  return [{ entry: { file: path, kind }, root }];
}

async function folderTargets(dir: string): Promise<Target[]> {
  const entries = await listRuleFiles(dir);
  if (entries === undefined) {
    throw new InputFileError(
      dir,
      `'${dir}' is not a rules folder: it has no scenarios/, segmentations/ or templates/ ` +
        'subfolder; pass a rules folder or a JSON file',
    );
  }
  return entries.map((entry) => ({ entry, root: dir }));
}

/** Reads the file's JSON for its `kind` field; an unreadable file gives no hint. */
async function readKindHint(file: string): Promise<unknown> {
  try {
    return parseJsonObject(file, await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function unique(targets: readonly Target[]): Target[] {
  const seen = new Set<string>();
  return targets.filter((target) => {
    const key = resolve(target.entry.file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function checkCached(
  checked: Map<string, CheckedRuleFile>,
  entry: RuleFileEntry,
  fix: boolean,
): Promise<CheckedRuleFile> {
  const key = resolve(entry.file);
  const cached = checked.get(key);
  if (cached !== undefined) return cached;
  const result = await checkRuleFile(entry.file, entry.kind, { fix });
  checked.set(key, result);
  return result;
}

/** Collects the valid templates and rule sets of a rules folder, rewriting none of them. */
async function catalogOf(
  checked: Map<string, CheckedRuleFile>,
  root: string,
): Promise<CompileCatalog> {
  const entries = (await listRuleFiles(root)) ?? [];
  const files = await Promise.all(
    entries
      .filter((entry) => entry.kind !== 'scenario')
      .map((entry) => checkCached(checked, entry, false)),
  );
  return {
    templates: files.flatMap((file) => (file.template === undefined ? [] : [file.template])),
    ruleSets: files.flatMap((file) => (file.ruleSet === undefined ? [] : [file.ruleSet])),
  };
}

/**
 * Compiles a scenario against `catalog`; other kinds have no catalogue. The compiler stops at
 * schema errors, because its graph checks need a well-formed graph, so the graph errors of
 * such a scenario show once the schema errors are fixed.
 */
function compileScenario(
  file: CheckedRuleFile,
  catalog: CompileCatalog | null,
): { definition?: CompiledDefinition; errors: RuleFileProblem[] } {
  if (catalog === null || file.json === undefined) return { errors: [] };
  const compiled = compile(file.json, catalog);
  if (compiled.ok) return { definition: compiled.definition, errors: [] };
  return { errors: compiled.errors.map((error) => ({ ...error, file: file.file })) };
}

/** Builds a file's result; compile errors come first. */
function resultOf(file: CheckedRuleFile, compileErrors: RuleFileProblem[]): RuleFileResult {
  const problems = [...compileErrors, ...file.problems];
  return {
    file: file.file,
    kind: file.kind,
    valid: problems.length === 0,
    canonical: file.canonical ?? null,
    fixed: file.fixed,
    problems,
  };
}

function addDuplicateIds(
  results: RuleFileResult[],
  targets: readonly Target[],
  checked: ReadonlyMap<string, CheckedRuleFile>,
): void {
  const files = targets.map((target) => ({
    root: target.root,
    checked: checked.get(resolve(target.entry.file)),
  }));
  for (const problem of duplicateIdProblems(files)) {
    const result = results.find((candidate) => candidate.file === problem.file);
    if (result === undefined) continue;
    result.problems.push(problem);
    result.valid = false;
  }
}

/** Checks the `schemas/` folder of every rules folder named against the generated schemas. */
async function schemaResults(paths: readonly string[]): Promise<RuleFileResult[]> {
  const folders: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) folders.push(join(path, SCHEMAS_FOLDER));
  }
  const stale = (await Promise.all(folders.map(staleRuleSchemas))).flat();
  return stale.map((file) => ({
    file,
    kind: 'schema',
    valid: false,
    canonical: null,
    fixed: false,
    problems: [
      ruleFileProblem(file, {
        code: 'schema.outdated',
        path: '',
        problem: 'the JSON Schema is missing or differs from the one this dunflow generates',
        fix: `run \`dunflow schemas --out ${dirname(file)}\` to write it`,
      }),
    ],
  }));
}
