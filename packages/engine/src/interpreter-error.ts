/**
 * Raised when a compiled definition or a run state cannot be interpreted, e.g. a missing node
 * or branch. An event that does not apply is recorded as ignored instead of raising it.
 */
export class InterpreterError extends Error {
  override readonly name = 'InterpreterError';

  constructor(
    message: string,
    /** The node at fault, when there is one. */
    readonly nodeId?: string,
  ) {
    super(message);
  }
}
