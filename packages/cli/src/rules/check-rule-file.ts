import { readFile, writeFile } from 'node:fs/promises';
import { checkRuleSet } from '@dunflow/engine';
import { SegmentationRuleSet, Template } from '@dunflow/model';
import { canonicalRuleJson } from './canonical-rule-json';
import type { RuleFileJson } from './format-migrations';
import { parseRuleFile } from './parse-rule-file';
import type { RuleFileKind } from './rule-file-kind';
import { ruleFileProblem, type RuleFileProblem } from './rule-file-problem';
import { FormatVersionError, RulesFileError } from './rules-file-error';
import { schemaProblems } from './schema-problems';

/** What checking one rule file found. Scenarios are compiled later, against a catalogue. */
export interface CheckedRuleFile {
  file: string;
  kind: RuleFileKind;
  /** The content after migration, without `$schema`; absent when the file cannot be read. */
  json?: RuleFileJson;
  /** The template or rule set the file defines, when the schema accepts it. */
  template?: Template;
  ruleSet?: SegmentationRuleSet;
  problems: RuleFileProblem[];
  /** Whether the file was in canonical form; absent when the file cannot be read. */
  canonical?: boolean;
  /** Whether the file was rewritten in canonical form (`--fix`). */
  fixed: boolean;
}

/**
 * Reads a rule file of `kind`, migrates it, checks a template or rule set against its schema
 * (and a rule set's conditions against the fact catalogue), and compares the text with the
 * canonical form. With `fix`, a readable file that is not canonical is rewritten.
 */
export async function checkRuleFile(
  file: string,
  kind: RuleFileKind,
  options: { fix: boolean },
): Promise<CheckedRuleFile> {
  const text = await readFile(file, 'utf8');
  let json: RuleFileJson;
  try {
    json = parseRuleFile(file, text, kind);
  } catch (error) {
    if (!(error instanceof RulesFileError)) throw error;
    return { file, kind, problems: [readProblem(file, error)], fixed: false };
  }

  const checked: CheckedRuleFile = { file, kind, json, problems: [], fixed: false };
  checkContent(checked, json);
  const canonicalText = canonicalRuleJson(kind, json);
  checked.canonical = text === canonicalText;
  if (!checked.canonical && options.fix) {
    await writeFile(file, canonicalText);
    checked.fixed = true;
  } else if (!checked.canonical) {
    checked.problems.push(notCanonical(file));
  }
  return checked;
}

function checkContent(checked: CheckedRuleFile, json: RuleFileJson): void {
  if (checked.kind === 'template') {
    const parsed = Template.safeParse(json);
    if (parsed.success) checked.template = parsed.data;
    else checked.problems.push(...schemaProblems(checked.file, 'template', parsed.error.issues));
  }
  if (checked.kind === 'segmentation') {
    const parsed = SegmentationRuleSet.safeParse(json);
    if (!parsed.success) {
      checked.problems.push(...schemaProblems(checked.file, 'segmentation', parsed.error.issues));
      return;
    }
    const ruleErrors = checkRuleSet(parsed.data);
    checked.problems.push(...ruleErrors.map((error) => ({ ...error, file: checked.file })));
    if (ruleErrors.length === 0) checked.ruleSet = parsed.data;
  }
}

function readProblem(file: string, error: RulesFileError): RuleFileProblem {
  const isVersion = error instanceof FormatVersionError;
  const problem = error.message.slice(`${file}: `.length);
  const separator = problem.lastIndexOf('; ');
  return ruleFileProblem(file, {
    code: isVersion ? 'file.formatVersion' : 'file.invalidJson',
    path: isVersion ? 'formatVersion' : '',
    problem: separator === -1 ? problem : problem.slice(0, separator),
    fix: separator === -1 ? 'write the file as one JSON object' : problem.slice(separator + 2),
  });
}

function notCanonical(file: string): RuleFileProblem {
  return ruleFileProblem(file, {
    code: 'file.notCanonical',
    path: '',
    problem: 'the file is not in canonical form ($schema first, keys in schema order, 2-space indent)',
    fix: 'run `dunflow validate --fix` to rewrite it',
  });
}
