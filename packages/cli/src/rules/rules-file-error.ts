/** An invalid file in the rules folder, with the path and the problem. */
export class RulesFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'RulesFileError';
  }
}

/**
 * Raised when a rule file's `formatVersion` is missing, not a version, or newer than this
 * dunflow reads. `version` is the value found in the file.
 */
export class FormatVersionError extends RulesFileError {
  constructor(
    file: string,
    readonly version: unknown,
    message: string,
  ) {
    super(file, message);
    this.name = 'FormatVersionError';
  }
}
