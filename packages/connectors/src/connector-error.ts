/** The connectors that raise {@link ConnectorError}. */
export type ConnectorName = 'smtp' | 'stripe';

export interface ConnectorErrorOptions {
  connector: ConnectorName;
  /** True when the same call may succeed later, so an activity should retry it. */
  retryable: boolean;
  cause?: unknown;
}

/**
 * A failed call to an outside service. Activities use `retryable` to choose between a
 * Temporal retry and a non-retryable application failure.
 */
export class ConnectorError extends Error {
  readonly connector: ConnectorName;
  readonly retryable: boolean;

  constructor(message: string, options: ConnectorErrorOptions) {
    super(message, { cause: options.cause });
    this.name = 'ConnectorError';
    this.connector = options.connector;
    this.retryable = options.retryable;
  }
}
