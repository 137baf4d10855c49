import { randomBytes } from 'node:crypto';

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Generates an id shaped like Stripe's: the object prefix, `_` and 24 random letters and digits. */
export function newStripeId(prefix: string): string {
  const suffix = [...randomBytes(24)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]);
  return `${prefix}_${suffix.join('')}`;
}
