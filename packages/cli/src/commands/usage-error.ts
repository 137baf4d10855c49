/**
 * Raised when a command line cannot run as written: conflicting options, or a required
 * setting given neither as an option nor in the environment. The command exits with code 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    /** The option at fault, e.g. `--database-url`. */
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}
