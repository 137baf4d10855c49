import { readFile, writeFile } from 'node:fs/promises';
import { checkRuleSet } from '@dunflow/engine';
import { SegmentationRuleSet, Template } from '@dunflow/model';
import { canonicalRuleJson } from './canonical-rule-json';
import type { RuleFileJson } from './format-migrations';
import { parseRuleFile } from './parse-rule-file';
import type { RuleFileKind } from './rule-file-kind';
import { ruleFileProblem, type RuleFileProblem } from './rule-file-problem';
import { RULE_FILE_SCHEMAS, TemplateFile } from './rule-file-schemas';
import { FormatVersionError, RulesFileError } from './rules-file-error';
import { schemaProblems } from './schema-problems';
import { undeclaredKeyProblems } from './undeclared-key-problems';

/** The result of checking one rule file. Scenarios are compiled later, against a catalogue. */
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
 * Reads a rule file of `kind`, migrates it, checks it against its schema (and a rule set's
 * conditions against the fact catalogue), and compares the text with the canonical form.
 * With `fix`, a readable file that is not canonical is rewritten.
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
    return { file, kind, problems: [readProblem(error)], fixed: false };
  }

  const checked: CheckedRuleFile = { file, kind, json, problems: [], fixed: false };
  checkContent(checked, json);
  checked.problems.push(...undeclaredKeyProblems(file, RULE_FILE_SCHEMAS[kind], json));
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

/** Checks templates and rule sets; scenarios are checked by the compiler. */
function checkContent(checked: CheckedRuleFile, json: RuleFileJson): void {
  if (checked.kind === 'template') checkTemplate(checked, json);
  if (checked.kind === 'segmentation') checkSegmentation(checked, json);
}

function checkTemplate(checked: CheckedRuleFile, json: RuleFileJson): void {
  const parsed = TemplateFile.safeParse(json);
  if (parsed.success) checked.template = Template.parse(parsed.data);
  else checked.problems.push(...schemaProblems(checked.file, 'template', parsed.error.issues));
}

function checkSegmentation(checked: CheckedRuleFile, json: RuleFileJson): void {
  const parsed = SegmentationRuleSet.safeParse(json);
  if (!parsed.success) {
    checked.problems.push(...schemaProblems(checked.file, 'segmentation', parsed.error.issues));
    return;
  }
  const ruleErrors = checkRuleSet(parsed.data);
  checked.problems.push(...ruleErrors.map((error) => ({ ...error, file: checked.file })));
  if (ruleErrors.length === 0) checked.ruleSet = parsed.data;
}

function readProblem(error: RulesFileError): RuleFileProblem {
  const isVersion = error instanceof FormatVersionError;
  return ruleFileProblem(error.file, {
    code: isVersion ? 'file.formatVersion' : 'file.invalidJson',
    path: isVersion ? 'formatVersion' : '',
    problem: isVersion ? error.problem : `the file ${error.problem}`,
    fix: error.fix,
  });
}

function notCanonical(file: string): RuleFileProblem {
  return ruleFileProblem(file, {
    code: 'file.notCanonical',
    path: '',
    problem:
      'the file is not in canonical form ($schema first, keys in schema order, sorted ' +
      'unordered arrays, 2-space indent, final newline)',
    fix: 'run `dunflow validate --fix` to rewrite it',
  });
}
