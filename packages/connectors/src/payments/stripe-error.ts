import { Stripe } from 'stripe';
import { ConnectorError } from '../connector-error';

/**
 * Converts an error of the `stripe` client into a `ConnectorError`. Network errors, 409
 * (conflict), 429 (rate limit) and 5xx replies are retryable. Other replies are not, because
 * the same request would get the same reply. `server` is the `host:port` of the API.
 */
export function toStripeConnectorError(error: unknown, server: string): ConnectorError {
  if (!(error instanceof Stripe.errors.StripeError)) {
    const reason = error instanceof Error ? error.message : String(error);
    return new ConnectorError(`Stripe request to ${server} failed: ${reason}`, {
      connector: 'stripe',
      retryable: false,
      cause: error,
    });
  }
  return new ConnectorError(describeStripeError(error, server), {
    connector: 'stripe',
    retryable: isRetryable(error),
    cause: error,
  });
}

function isRetryable(error: Stripe.errors.StripeError): boolean {
  if (error instanceof Stripe.errors.StripeConnectionError) return true;
  const status = error.statusCode;
  return status === undefined || status === 409 || status === 429 || status >= 500;
}

function describeStripeError(error: Stripe.errors.StripeError, server: string): string {
  if (error instanceof Stripe.errors.StripeConnectionError) {
    const detail = error.detail instanceof Error ? ` (${error.detail.message})` : '';
    return (
      `connection to the Stripe API at ${server} failed${detail}: ${error.message} ` +
      'Check that the API is reachable at that host and port.'
    );
  }
  if (error instanceof Stripe.errors.StripeAuthenticationError) {
    return `Stripe API at ${server} rejected the API key (401): ${error.message}; check the configured secret key`;
  }
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return `Stripe API at ${server} rejected a reused idempotency key: ${error.message}`;
  }
  const param = error.param === undefined ? '' : ` on param ${error.param}`;
  const status = error.statusCode === undefined ? '' : ` (${error.statusCode})`;
  return `Stripe API at ${server} rejected the request${param}${status}: ${error.message}`;
}
