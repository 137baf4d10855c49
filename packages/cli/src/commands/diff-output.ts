import type { RuleFileDiff } from '../rules/diff-rule-files';

/** One side of a diff: a file in the working tree, or a file at a git revision. */
export interface DiffSide {
  file: string;
  /** The git revision the file was read at; null for the file on disk. */
  revision: string | null;
  /** False when the file does not exist there, so the rule was added or removed. */
  exists: boolean;
}

/** Output of `dunflow diff`, printed as it is with --json. */
export interface DiffOutput {
  from: DiffSide;
  to: DiffSide;
  diff: RuleFileDiff;
}
