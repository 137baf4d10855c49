/** Raised when a value cannot be written as canonical JSON; `path` locates the offending part. */
export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';

  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(
      `value at ${path} ${problem}; use only plain objects, arrays, strings, finite numbers, booleans and null`,
    );
  }
}
