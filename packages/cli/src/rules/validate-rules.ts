import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { compile, type CompileCatalog } from '@dunflow/engine';
import { InputFileError } from '../book/input-file-error';
import { checkRuleFile, type CheckedRuleFile } from './check-rule-file';
import { listRuleFiles, type RuleFileEntry } from './list-rule-files';
import { parseJsonObject } from './parse-rule-file';
import { duplicateIdProblems } from './duplicate-ids';
import { KIND_FOLDERS, kindOfFile } from './rule-file-kind';
import type { RuleFileProblem } from './rule-file-problem';

/** The result of validating one rule file. */
export interface RuleFileResult {
  file: string;
  kind: string;
  valid: boolean;
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

/**
 * Validates rules folders and rule files. Every file is parsed, migrated and checked against
 * its schema, and every scenario is compiled against the templates and rule sets of its
 * rules folder: the folder named, the folder above a file's `scenarios/` subfolder, or else
 * `options.rulesDir`.
 */
export async function validateRules(
  paths: readonly string[],
  options: ValidateOptions,
): Promise<ValidationReport> {
  const targets = unique((await Promise.all(paths.map((path) => targetsOf(path, options)))).flat());
  const checked = new Map<string, CheckedRuleFile>();
  for (const target of targets) await checkCached(checked, target.entry, options.fix);

  const results: RuleFileResult[] = [];
  for (const target of targets) {
    const file = await checkCached(checked, target.entry, options.fix);
    const catalog = target.entry.kind === 'scenario' ? await catalogOf(checked, target.root) : null;
    results.push(resultOf(file, catalog));
  }
  for (const problem of duplicateIdProblems(targets.map((target) => ({ ...target, checked: checked.get(resolve(target.entry.file)) })))) {
    const result = results.find((candidate) => candidate.file === problem.file);
    if (result === undefined) continue;
    result.problems.push(problem);
    result.valid = false;
  }
  return { valid: results.every((result) => result.valid), files: results };
}

interface Target {
  entry: RuleFileEntry;
  /** The rules folder whose catalogue a scenario compiles against. */
  root: string;
}

async function targetsOf(path: string, options: ValidateOptions): Promise<Target[]> {
  const info = await stat(path).catch(() => {
    throw new InputFileError(path, `'${path}' does not exist; pass a rules folder or a JSON file`);
  });
  if (info.isDirectory()) {
    const entries = await listRuleFiles(path);
    if (entries === undefined) {
      throw new InputFileError(
        path,
        `'${path}' is not a rules folder: it has no scenarios/, segmentations/ or templates/ ` +
          'subfolder; pass a rules folder or a JSON file',
      );
    }
    return entries.map((entry) => ({ entry, root: path }));
  }
  const kind = kindOfFile(path, await readKindHint(path));
  if (kind === undefined) {
    throw new InputFileError(
      path,
      `'${path}' is neither in a scenarios/, segmentations/ or templates/ folder nor has a ` +
        '"kind" of "scenario" or "segmentation"; move it into its folder of the rules folder',
    );
  }
  const inFolder = basename(dirname(path)) === KIND_FOLDERS[kind];
  return [{ entry: { file: path, kind }, root: inFolder ? dirname(dirname(path)) : options.rulesDir }];
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

/** The valid templates and rule sets of a rules folder; files not named are not rewritten. */
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

function resultOf(file: CheckedRuleFile, catalog: CompileCatalog | null): RuleFileResult {
  const problems = [...file.problems];
  if (catalog !== null && file.json !== undefined) {
    const compiled = compile(file.json, catalog);
    if (!compiled.ok) problems.unshift(...compiled.errors.map((error) => ({ ...error, file: file.file })));
  }
  return {
    file: file.file,
    kind: file.kind,
    valid: problems.length === 0,
    canonical: file.canonical ?? null,
    fixed: file.fixed,
    problems,
  };
}
