/** Raised when an input of computeFacts is out of range; carries the field and its value. */
export class FactInputError extends Error {
  override readonly name = 'FactInputError';

  constructor(
    readonly field: string,
    readonly value: unknown,
    expected: string,
  ) {
    super(`fact input ${field} is ${String(value)} but must be ${expected}; correct the input`);
  }
}
