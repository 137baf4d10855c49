const MAX_VALUE_LENGTH = 80;

/** Quotes a value for an error message, cutting long ones so the message stays readable. */
export function formatValue(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}...` : text;
}
