import type { Command } from 'commander';
import { InputFileError } from '../book/input-file-error';
import { diffRuleFiles } from '../rules/diff-rule-files';
import { showAtRevision } from '../rules/git-source';
import { kindOfText, loadRuleText, readRuleText } from '../rules/load-rule-file';
import type { RuleFileKind } from '../rules/rule-file-kind';
import { printResult } from '../output';
import { EXIT_CODES_HELP, reportUsageErrors, withUsageErrors } from './command-errors';
import { diffLines } from './diff-lines';
import type { DiffOutput, DiffSide } from './diff-output';
import { UsageError } from './usage-error';

interface DiffOptions {
  from?: string;
  to?: string;
  json?: boolean;
}

/** A side of the diff with the text read there; `text` is undefined when the file is absent. */
interface ReadSide {
  side: DiffSide;
  text: string | undefined;
}

const DIFF_HELP = `
Compares two versions of a scenario, segmentation rule set or template by meaning, not by
line: nodes, edges and segments are matched by id, and each added, removed, changed or moved
one is listed with the fields that changed. Both versions are migrated to the current format
version first, so a format upgrade alone shows no change, and a field left at its default
equals the default written out.

Give two files (dunflow diff A B), or one file and git revisions: --from REV compares the
file at REV with the file on disk, and --to REV compares with the file at that revision
instead (read with git show). With --from, a file missing on one side is reported as added
or removed.
The exit code is 0 whether or not there are changes.
${EXIT_CODES_HELP}

Examples:
  dunflow diff old.json rules/scenarios/default.json
  dunflow diff rules/scenarios/default.json --from origin/main
  dunflow diff rules/segmentations/customer-risk.json --from v1.2.0 --to v1.3.0 --json`;

/** Registers `dunflow diff`: the semantic diff of two versions of a rule file. */
export function registerDiffCommand(program: Command): void {
  const command = program
    .command('diff')
    .description('Show what changed between two versions of a rule file, element by element')
    .argument('<file>', 'rule file: the older version, or the file whose git history is read')
    .argument('[other]', 'the newer version of the rule file (without --from)')
    .option('--from <rev>', 'git revision of the older version of <file>')
    .option('--to <rev>', 'git revision of the newer version (default: the file on disk)')
    .option('--json', 'print one JSON document instead of text')
    .addHelpText('after', DIFF_HELP);
  reportUsageErrors(command).action(withUsageErrors(runDiff));
}

async function runDiff(file: string, other: string | undefined, options: DiffOptions) {
  const [from, to] = await readSides(file, other, options);
  const kind = kindOf(from, to);
  const fromRule = from.text === undefined ? undefined : loadRuleText(label(from), from.text, kind);
  const toRule = to.text === undefined ? undefined : loadRuleText(label(to), to.text, kind);
  const output: DiffOutput = {
    from: from.side,
    to: to.side,
    diff: diffRuleFiles(kind, fromRule?.json, toRule?.json),
  };
  printResult(options, output, diffLines);
}

async function readSides(
  file: string,
  other: string | undefined,
  options: DiffOptions,
): Promise<[ReadSide, ReadSide]> {
  if (options.from === undefined) {
    if (options.to !== undefined) {
      throw new UsageError('--to', '--to needs --from; pass --from REV as well');
    }
    if (other === undefined) {
      throw new UsageError(
        '<other>',
        'give two files to compare, or one file and --from REV to compare it with git',
      );
    }
    return [await readRequired(file), await readRequired(other)];
  }
  if (other !== undefined) {
    throw new UsageError(
      '--from',
      `--from compares ${file} with its git history, so a second file '${other}' is not ` +
        'used; pass one of them',
    );
  }
  const to = options.to === undefined ? await readDisk(file) : await readGit(file, options.to);
  return [await readGit(file, options.from), to];
}

async function readDisk(file: string): Promise<ReadSide> {
  const text = await readRuleText(file);
  return { side: { file, revision: null, exists: text !== undefined }, text };
}

/** Reads a file named as one of two files to compare, which must exist. */
async function readRequired(file: string): Promise<ReadSide> {
  const read = await readDisk(file);
  if (read.text === undefined) {
    throw new InputFileError(file, `rule file '${file}' not found; check the path`);
  }
  return read;
}

async function readGit(file: string, revision: string): Promise<ReadSide> {
  const text = await showAtRevision(file, revision);
  return { side: { file, revision, exists: text !== undefined }, text };
}

function label(read: ReadSide): string {
  const { file, revision } = read.side;
  return revision === null ? file : `${revision}:${file}`;
}

function kindOf(from: ReadSide, to: ReadSide): RuleFileKind {
  if (from.text === undefined && to.text === undefined) {
    throw new InputFileError(
      from.side.file,
      `'${from.side.file}' exists in neither version; check the path and the revisions`,
    );
  }
  const fromKind = from.text === undefined ? undefined : kindOfText(from.side.file, from.text);
  const toKind = to.text === undefined ? undefined : kindOfText(to.side.file, to.text);
  if (fromKind !== undefined && toKind !== undefined && fromKind !== toKind) {
    throw new InputFileError(
      to.side.file,
      `'${label(from)}' is a ${fromKind} and '${label(to)}' is a ${toKind}; ` +
        'diff two versions of one kind of rule file',
    );
  }
  const kind = fromKind ?? toKind;
  if (kind === undefined) {
    throw new InputFileError(
      from.side.file,
      `'${from.side.file}' is neither in a scenarios/, segmentations/ or templates/ folder ` +
        'nor has a "kind" of "scenario", "segmentation" or "template"; add its "kind"',
    );
  }
  return kind;
}
