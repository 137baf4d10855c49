/**
 * An invalid file in the rules folder. The message reads `<file>: <problem>; <fix>`, and
 * `problem` and `fix` are kept apart for reports that show them separately.
 */
export class RulesFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${file}: ${problem}; ${fix}`);
    this.name = 'RulesFileError';
  }
}

/**
 * Raised when a rule file's `formatVersion` is missing, not a version, or outside the
 * versions this dunflow reads. `version` is the value found in the file.
 */
export class FormatVersionError extends RulesFileError {
  constructor(
    file: string,
    readonly version: unknown,
    problem: string,
    fix: string,
  ) {
    super(file, problem, fix);
    this.name = 'FormatVersionError';
  }
}
