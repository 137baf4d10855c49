import type { CompileError } from './compile-error';

/**
 * Raised when a rule or rule set given for evaluation fails the compile-time checks, e.g. a
 * string value for a number fact. `errors` lists every problem found.
 */
export class InvalidRuleError extends Error {
  override readonly name = 'InvalidRuleError';

  constructor(readonly errors: readonly CompileError[]) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    super(`${errors[0]?.message ?? 'rule is invalid'}${more}`);
  }
}
