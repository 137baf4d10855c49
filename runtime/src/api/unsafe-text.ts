import { ApiError } from './api-error';

// PostgreSQL text and jsonb reject NUL, and a lone UTF-16 surrogate is not valid Unicode.
// A value with either would be accepted here and then fail on every retry downstream.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isUnsafe(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** Finds the first string in `value` (keys included) that PostgreSQL cannot store. */
export function findUnsafeText(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return isUnsafe(value) ? path.join('.') || '(value)' : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnsafeText(item, [...path, String(index)]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnsafeText(key, [...path, key]) ?? findUnsafeText(item, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Raises a 400 naming the field when `value` contains text PostgreSQL cannot store. */
export function rejectUnsafeText(value: unknown, where: string): void {
  const path = findUnsafeText(value);
  if (path === undefined) return;
  const subject = path === '(value)' ? where : `${where} '${path}'`;
  throw new ApiError(
    400,
    'invalidText',
    `${subject} contains a NUL character or an unpaired UTF-16 surrogate`,
    { fix: 'remove control characters and send valid UTF-8 text' },
  );
}

/** Decodes a request path for {@link rejectUnsafeText}; a malformed escape is left as it is. */
export function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
