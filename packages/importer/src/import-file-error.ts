/** The reason a whole file is unreadable, as opposed to one bad row. */
export type ImportFileErrorCode =
  | 'emptyFile'
  | 'csvSyntax'
  | 'delimiterNotFound'
  | 'columnNotFound'
  | 'missingColumns'
  | 'ambiguousDateFormat'
  | 'ambiguousDecimalSeparator';

/**
 * Raised when a file cannot be imported at all: no header, a missing required column, or a
 * format that detection cannot settle. The message names the value and the mapping entry that
 * fixes it, and `details` carries the same facts for programs.
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';

  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}
