/** Raised when a query receives an invalid argument; names the parameter and its value. */
export class InvalidArgumentError extends Error {
  override readonly name = 'InvalidArgumentError';

  constructor(
    readonly parameter: string,
    readonly value: unknown,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Raised when a write reuses the key of a stored row with different content, such as a payment
 * id recorded again with another amount. Carries both versions so the caller can show them.
 */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';

  constructor(
    readonly table: string,
    readonly key: string,
    readonly stored: unknown,
    readonly requested: unknown,
    message: string,
  ) {
    super(message);
  }
}

/** Raised when a row that an update needs does not exist. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';

  constructor(
    readonly table: string,
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

/** Raised when a migration fails; `migrationName` is the one that failed, if any ran. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';

  constructor(
    readonly migrationName: string | undefined,
    message: string,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}
