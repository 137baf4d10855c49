/** Stripe's error types, as in the `type` field of an error body. */
export type StripeErrorType =
  'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

/** The JSON body of a Stripe error response. */
export interface StripeErrorBody {
  error: { type: StripeErrorType; message: string; code?: string; param?: string };
}

/** An error the fake Stripe API returns to its client with an HTTP status and Stripe's error body. */
export class StripeApiError extends Error {
  readonly status: 400 | 401 | 404 | 500;
  readonly type: StripeErrorType;
  readonly code: string | undefined;
  readonly param: string | undefined;

  constructor(
    status: 400 | 401 | 404 | 500,
    type: StripeErrorType,
    message: string,
    details: { code?: string; param?: string } = {},
  ) {
    super(message);
    this.name = 'StripeApiError';
    this.status = status;
    this.type = type;
    this.code = details.code;
    this.param = details.param;
  }

  toBody(): StripeErrorBody {
    const error: StripeErrorBody['error'] = { type: this.type, message: this.message };
    if (this.code !== undefined) error.code = this.code;
    if (this.param !== undefined) error.param = this.param;
    return { error };
  }
}

export function missingParam(param: string): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', `Missing required param: ${param}.`, {
    code: 'parameter_missing',
    param,
  });
}

export function unknownParam(param: string): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', `Received unknown parameter: ${param}`, {
    code: 'parameter_unknown',
    param,
  });
}

export function invalidParam(
  param: string,
  message: string,
  code = 'parameter_invalid',
): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', message, { code, param });
}

/** `kind` is the object's name in messages, e.g. `price` or `payment link`. */
export function resourceMissing(kind: string, id: string, param?: string): StripeApiError {
  return new StripeApiError(404, 'invalid_request_error', `No such ${kind}: '${id}'`, {
    code: 'resource_missing',
    ...(param === undefined ? {} : { param }),
  });
}
