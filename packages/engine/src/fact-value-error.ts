import type { FactType } from '@dunflow/model';

/** Raised when a fact's value does not have the fact's type, e.g. the string '50' for a number. */
export class FactValueError extends Error {
  override readonly name = 'FactValueError';

  constructor(
    readonly fact: string,
    readonly value: unknown,
    readonly expected: FactType,
  ) {
    super(
      `fact '${fact}' is ${JSON.stringify(value)} (a ${typeof value}) but must be a ${expected}` +
        ` or null; convert the value before evaluating${hint(value, expected)}`,
    );
  }
}

function hint(value: unknown, expected: FactType): string {
  if (expected === 'number' && typeof value === 'string') {
    return ', e.g. with Number(), because node-postgres returns NUMERIC columns as strings';
  }
  return expected === 'date' ? ", as 'YYYY-MM-DD'" : '';
}
