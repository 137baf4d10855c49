import type { ParamReader } from './param-reader';
import { invalidParam } from './stripe-api-error';
import type { Metadata } from './stripe-objects';

/** Stripe's metadata limits: keys per object, and characters per key and per value. */
const MAX_KEYS = 50;
const MAX_KEY_LENGTH = 40;
const MAX_VALUE_LENGTH = 500;

/** Reads the optional `metadata` hash of `params`, enforcing Stripe's limits. */
export function readMetadata(params: ParamReader): Metadata {
  const hash = params.optionalHash('metadata');
  if (hash === undefined) return {};
  const entries = hash.entries();
  if (entries.length > MAX_KEYS) {
    throw invalidParam(
      params.name('metadata'),
      `Invalid metadata: ${entries.length} keys given; at most ${MAX_KEYS} are allowed`,
    );
  }
  for (const [key, value] of entries) checkEntry(hash.name(key), key, value);
  return Object.fromEntries(entries);
}

function checkEntry(param: string, key: string, value: string): void {
  if (key.length > MAX_KEY_LENGTH) {
    throw invalidParam(
      param,
      `Invalid metadata key '${key}': at most ${MAX_KEY_LENGTH} characters`,
    );
  }
  if (value.length > MAX_VALUE_LENGTH) {
    throw invalidParam(
      param,
      `Invalid metadata value for '${key}': ${value.length} characters; at most ${MAX_VALUE_LENGTH}`,
    );
  }
}
