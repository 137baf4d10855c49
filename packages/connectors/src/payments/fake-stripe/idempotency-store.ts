import type { FormObject, FormValue } from './form-params';
import { StripeApiError } from './stripe-api-error';

/** Stripe's limit on the length of an `Idempotency-Key`, in characters. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** Request identity that a reused key must match: endpoint and parameters of its first request. */
export interface RequestFingerprint {
  endpoint: string;
  params: FormObject;
}

export interface SavedResponse {
  status: number;
  body: unknown;
}

interface Entry {
  endpoint: string;
  params: string;
  response: SavedResponse;
}

/**
 * Saved responses by `Idempotency-Key`. Like Stripe, it saves only requests whose endpoint ran,
 * so a request rejected by validation can be retried with the same key.
 * NOTE: Stripe prunes keys after 24 hours, but this store keeps them until the fake stops.
 */
export class IdempotencyStore {
  readonly #entries = new Map<string, Entry>();

  /**
   * Returns the saved response of an earlier request with `key`, or undefined for a new key.
   * Raises an `idempotency_error` when the key was first used for another request.
   */
  replay(key: string, request: RequestFingerprint): SavedResponse | undefined {
    checkKey(key);
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.endpoint !== request.endpoint) {
      throw idempotencyError(
        `Idempotency key '${key}' was first used for ${entry.endpoint}, not ${request.endpoint}; ` +
          'use a new key for a different request',
      );
    }
    if (entry.params !== canonicalJson(request.params)) {
      throw idempotencyError(
        `Idempotency key '${key}' was first used with other parameters; reuse a key only to ` +
          'retry the same request, and use a new key for a different one',
      );
    }
    return entry.response;
  }

  save(key: string, request: RequestFingerprint, response: SavedResponse): void {
    const params = canonicalJson(request.params);
    this.#entries.set(key, { endpoint: request.endpoint, params, response });
  }
}

function checkKey(key: string): void {
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new StripeApiError(
      400,
      'invalid_request_error',
      `Idempotency-Key has ${key.length} characters; at most ${MAX_IDEMPOTENCY_KEY_LENGTH} are allowed`,
    );
  }
}

function idempotencyError(message: string): StripeApiError {
  return new StripeApiError(400, 'idempotency_error', message);
}

/** JSON with object keys sorted, so equal parameters give equal text whatever their order. */
function canonicalJson(value: FormValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] ?? '')}`).join(',')}}`;
}
