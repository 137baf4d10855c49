import { readFile } from 'node:fs/promises';
import { InputFileError } from '../book/input-file-error';
import type { RuleFileJson } from './format-migrations';
import { parseRuleFile } from './parse-rule-file';
import { kindOfFile, type RuleFileKind } from './rule-file-kind';
import { RULE_FILE_SCHEMAS } from './rule-file-schemas';
import { RulesFileError } from './rules-file-error';
import { schemaProblems } from './schema-problems';

/** A rule file read, migrated and checked against its kind's schema. */
export interface LoadedRuleFile {
  kind: RuleFileKind;
  /** The migrated JSON without `$schema`, before defaults are applied. */
  json: RuleFileJson;
}

/** Reads a rule file from disk; returns undefined when it does not exist. */
export async function readRuleText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Returns the kind of a rule file from its folder or its `kind` field. */
export function kindOfText(file: string, text: string): RuleFileKind | undefined {
  try {
    return kindOfFile(file, JSON.parse(text));
  } catch {
    return kindOfFile(file, undefined);
  }
}

/**
 * Parses the text of a rule file named `label` (a path, with a revision where it came from
 * git). Raises InputFileError, listing every schema problem, when it is not a valid rule file.
 */
export function loadRuleText(label: string, text: string, kind: RuleFileKind): LoadedRuleFile {
  let json: RuleFileJson;
  try {
    json = parseRuleFile(label, text, kind);
  } catch (error) {
    if (error instanceof RulesFileError) throw new InputFileError(label, error.message);
    throw error;
  }
  const parsed = RULE_FILE_SCHEMAS[kind].safeParse(json);
  if (parsed.success) return { kind, json };
  const problems = schemaProblems(label, kind, parsed.error.issues);
  throw new InputFileError(
    label,
    [
      `${label} is not a valid ${kind} file:`,
      ...problems.map((problem) => `  ${problem.path || '(file)'}: ${problem.message}`),
      `run \`dunflow validate ${label}\` for every problem`,
    ].join('\n'),
  );
}
