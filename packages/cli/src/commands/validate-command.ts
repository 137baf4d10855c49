import type { Command } from 'commander';
import { printResult } from '../output';
import { validateRules } from '../rules/validate-rules';
import { reportUsageErrors, withUsageErrors } from './command-errors';
import { defaultRulesDir } from './repo-root';
import { validateLines } from './validate-lines';

interface ValidateCommandOptions {
  rules?: string;
  fix?: boolean;
  json?: boolean;
}

const VALIDATE_HELP = `
PATHS are rules folders (with scenarios/, segmentations/ and templates/ subfolders) or rule
files; the default is the rules/ folder of the repository. Every file is read, migrated to
the current format version and checked in one run, and every problem is listed with its
file, JSON path, message and fix:
  - JSON syntax and format version;
  - the schema of its kind, and fields the schema does not declare;
  - scenarios compiled against the templates and segmentation rule sets of their rules
    folder: graph, delays, templates, rule sets and conditions;
  - segmentation conditions against the fact catalogue;
  - ids repeated within a kind;
  - canonical form (see docs/rules-in-git.md), which --fix rewrites in place;
  - a rules folder's schemas/ against the JSON Schemas this dunflow generates.
A scenario that fails its schema shows its graph errors once the schema errors are fixed.

Exit codes:
  0  every file is valid (after --fix, when given)
  1  at least one file is invalid, or a path cannot be read
  2  usage error: an unknown option, a missing argument

Examples:
  dunflow validate
  dunflow validate rules/scenarios/default.json --json
  dunflow validate rules --fix`;

/** Registers `dunflow validate [PATHS]`: checks rule files and reports every problem. */
export function registerValidateCommand(program: Command): void {
  const command = program
    .command('validate')
    .description('Check rule files: schema, compilation, ids and canonical form')
    .argument('[paths...]', 'rules folders or rule files (default: rules/ of the repository)')
    .option(
      '--rules <dir>',
      'rules folder whose templates and rule sets loose scenario files compile against ' +
        '(default: rules/ of the repository)',
    )
    .option('--fix', 'rewrite files that are not in canonical form')
    .option('--json', 'print one JSON document instead of text')
    .addHelpText('after', VALIDATE_HELP);
  reportUsageErrors(command).action(withUsageErrors(runValidate));
}

async function runValidate(paths: string[], options: ValidateCommandOptions): Promise<void> {
  const rulesDir = options.rules ?? defaultRulesDir();
  const report = await validateRules(paths.length === 0 ? [rulesDir] : paths, {
    fix: options.fix === true,
    rulesDir,
  });
  if (!report.valid) process.exitCode = 1;
  printResult(options, report, validateLines);
}
