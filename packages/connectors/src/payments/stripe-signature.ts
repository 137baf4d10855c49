import { createHmac, timingSafeEqual } from 'node:crypto';

/** Reason a webhook signature was rejected. */
export type SignatureFailure =
  | 'missing_header'
  | 'malformed_header'
  | 'no_signature'
  | 'timestamp_outside_tolerance'
  | 'signature_mismatch';

/** A `Stripe-Signature` header that does not prove the payload came from the webhook secret. */
export class WebhookSignatureError extends Error {
  readonly reason: SignatureFailure;

  constructor(reason: SignatureFailure, message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
    this.reason = reason;
  }
}

/**
 * Builds the `Stripe-Signature` header value Stripe sends: `t=<unix seconds>,v1=<hex>`, where
 * v1 is the HMAC-SHA256 of `<t>.<payload>` keyed with the whole webhook secret (`whsec_...`).
 */
export function signStripePayload(
  payload: string,
  secret: string,
  timestampSeconds: number,
): string {
  return `t=${timestampSeconds},v1=${computeSignature(payload, secret, timestampSeconds)}`;
}

/**
 * Checks a `Stripe-Signature` header against the raw request body and raises a
 * `WebhookSignatureError` unless one of its v1 signatures matches. When `toleranceSeconds` is
 * positive, the timestamp must also lie within that many seconds of `now`, in either
 * direction, which limits replays. A tolerance of 0 skips that check.
 */
export function verifyStripeSignature(
  payload: string | Uint8Array,
  header: string | undefined,
  secret: string,
  toleranceSeconds: number,
  now: Date = new Date(),
): void {
  const { timestamp, signatures } = parseSignatureHeader(header);
  checkTolerance(timestamp, toleranceSeconds, now);

  const expected = Buffer.from(computeSignature(payload, secret, timestamp));
  const matches = signatures.some((signature) => {
    const candidate = Buffer.from(signature);
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
  if (!matches) {
    throw new WebhookSignatureError(
      'signature_mismatch',
      'no v1 signature in the Stripe-Signature header matches the payload; check the webhook ' +
        'secret and verify the raw request body before any JSON parsing',
    );
  }
}

function computeSignature(payload: string | Uint8Array, secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(payload).digest('hex');
}

function parseSignatureHeader(header: string | undefined): {
  timestamp: number;
  signatures: string[];
} {
  if (header === undefined || header.trim() === '') {
    throw new WebhookSignatureError('missing_header', 'the Stripe-Signature header is missing');
  }
  const pairs = header.split(',').map((part) => part.trim().split('=', 2));
  const timestampText = pairs.find(([key]) => key === 't')?.[1] ?? '';
  if (!/^\d+$/.test(timestampText)) {
    throw new WebhookSignatureError(
      'malformed_header',
      `the Stripe-Signature header '${header}' has no timestamp; expected 't=<unix seconds>,v1=<hex>'`,
    );
  }
  const signatures = pairs.filter(([key]) => key === 'v1').map(([, value]) => value ?? '');
  if (signatures.length === 0) {
    throw new WebhookSignatureError(
      'no_signature',
      `the Stripe-Signature header '${header}' has no v1 signature; expected 't=<unix seconds>,v1=<hex>'`,
    );
  }
  return { timestamp: Number(timestampText), signatures };
}

function checkTolerance(timestamp: number, toleranceSeconds: number, now: Date): void {
  if (toleranceSeconds <= 0) return;
  const ageSeconds = Math.floor(now.getTime() / 1000) - timestamp;
  if (Math.abs(ageSeconds) > toleranceSeconds) {
    throw new WebhookSignatureError(
      'timestamp_outside_tolerance',
      `the Stripe-Signature timestamp ${timestamp} is ${ageSeconds} s old, outside the ` +
        `tolerance of ${toleranceSeconds} s; check the clocks, or reject the replayed event`,
    );
  }
}
