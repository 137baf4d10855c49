/** The header that carries an e-mail's idempotency key. */
export const IDEMPOTENCY_KEY_HEADER = 'X-Dunflow-Idempotency-Key';

/** Maximum length of an idempotency key, in characters, so the Message-ID fits a header line. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/**
 * Derives the Message-ID of an e-mail from its idempotency key: `<key@dunflow>`. Characters
 * other than letters, digits, `-` and `_` are written as `%XX` escapes of their UTF-8 bytes,
 * so the result is a valid msg-id (RFC 5322) and distinct keys give distinct Message-IDs.
 */
export function messageIdFor(idempotencyKey: string): string {
  if (idempotencyKey.length === 0) {
    throw new RangeError('idempotency key is empty; derive it from invoice, node and occurrence');
  }
  if (idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new RangeError(
      `idempotency key '${idempotencyKey.slice(0, 40)}...' has ${idempotencyKey.length} ` +
        `characters; use at most ${MAX_IDEMPOTENCY_KEY_LENGTH}`,
    );
  }
  return `<${escapeIdLeft(idempotencyKey)}@dunflow>`;
}

function escapeIdLeft(key: string): string {
  let escaped = '';
  for (const byte of new TextEncoder().encode(key)) {
    const char = String.fromCharCode(byte);
    escaped += /[A-Za-z0-9_-]/.test(char)
      ? char
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return escaped;
}
