/**
 * Raised when a file, rules folder or scenario named on the command line is missing or cannot
 * be used. The command exits with code 1.
 */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';

  constructor(
    /** The argument as given on the command line. */
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}
