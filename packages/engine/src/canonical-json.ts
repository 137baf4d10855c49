import { CanonicalJsonError } from './canonical-json-error';

const INDENT = '  ';

/**
 * Writes a JSON value in canonical form: object keys sorted by UTF-16 code units, two-space
 * indent and a final newline, so equal values give equal text whatever their key order.
 * Properties that are undefined are left out, as JSON.stringify does. Raises
 * CanonicalJsonError on values JSON cannot represent exactly: NaN, Infinity, bigint,
 * functions, symbols, undefined array items and class instances such as Date.
 */
export function canonicalJson(value: unknown): string {
  return `${write(value, '$', '')}\n`;
}

function write(value: unknown, path: string, indent: string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') return writeNumber(value, path);
  if (Array.isArray(value)) return writeArray(value, path, indent);
  if (isPlainObject(value)) return writeObject(value, path, indent);
  throw new CanonicalJsonError(path, `is ${describe(value)}, which JSON cannot represent`);
}

function writeNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `is ${value}`);
  return JSON.stringify(value);
}

function writeArray(items: readonly unknown[], path: string, indent: string): string {
  if (items.length === 0) return '[]';
  const inner = indent + INDENT;
  const lines = items.map((item, index) => inner + write(item, `${path}[${index}]`, inner));
  return `[\n${lines.join(',\n')}\n${indent}]`;
}

function writeObject(object: Record<string, unknown>, path: string, indent: string): string {
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort();
  if (keys.length === 0) return '{}';

  const inner = indent + INDENT;
  const lines = keys.map((key) => {
    const text = write(object[key], `${path}.${key}`, inner);
    return `${inner}${JSON.stringify(key)}: ${text}`;
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && value !== null) {
    return `an instance of ${value.constructor.name}`;
  }
  return `a ${typeof value}`;
}
