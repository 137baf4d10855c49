import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson } from './canonical-json';
import { CanonicalJsonError } from './canonical-json-error';

describe('canonicalJson', () => {
  test('sorts keys at every level', () => {
    const text = canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } });
    expect(text).toBe(
      [
        '{',
        '  "a": {',
        '    "c": "x",',
        '    "d": [',
        '      3,',
        '      {',
        '        "y": null,',
        '        "z": true',
        '      }',
        '    ]',
        '  },',
        '  "b": 1',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('gives equal text whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: [1, 2], z: { q: 1, p: 2 } })).toBe(
      canonicalJson({ z: { p: 2, q: 1 }, y: [1, 2], x: 1 }),
    );
  });

  test('keeps array order', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  test('sorts integer-like keys as text', () => {
    expect(canonicalJson({ 10: 'a', 2: 'b', 1: 'c' })).toBe(
      '{\n  "1": "c",\n  "10": "a",\n  "2": "b"\n}\n',
    );
  });

  test('sorts keys by UTF-16 code units', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3 })).toBe('{\n  "Z": 3,\n  "z": 2,\n  "é": 1\n}\n');
  });

  test('writes empty containers and scalars', () => {
    expect(canonicalJson({})).toBe('{}\n');
    expect(canonicalJson([])).toBe('[]\n');
    expect(canonicalJson({ a: [], b: {} })).toBe('{\n  "a": [],\n  "b": {}\n}\n');
    expect(canonicalJson('x')).toBe('"x"\n');
    expect(canonicalJson(null)).toBe('null\n');
    expect(canonicalJson(-0)).toBe('0\n');
  });

  test('escapes strings as JSON does', () => {
    expect(canonicalJson({ 'a"b': 'line\nbreak \u0001' })).toBe(
      '{\n  "a\\"b": "line\\nbreak \\u0001"\n}\n',
    );
  });

  test('leaves out undefined properties', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{\n  "b": 1\n}\n');
  });

  test('accepts objects without a prototype', () => {
    const bare = Object.assign(Object.create(null) as object, { a: 1 });
    expect(canonicalJson(bare)).toBe('{\n  "a": 1\n}\n');
  });

  test.each([
    ['NaN', { a: [1, Number.NaN] }, '$.a[1]'],
    ['Infinity', { a: Number.POSITIVE_INFINITY }, '$.a'],
    ['bigint', { a: { b: 1n } }, '$.a.b'],
    ['Date', { when: new Date(0) }, '$.when'],
    ['function', [() => 1], '$[0]'],
    ['undefined item', [undefined], '$[0]'],
    ['Map', new Map(), '$'],
  ])('rejects %s with its path', (_, value, path) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
    expect(() => canonicalJson(value)).toThrow(`value at ${path} `);
  });
});

/** Rebuilds a JSON value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).reverse();
  return Object.fromEntries(entries.map(([key, item]) => [key, reverseKeys(item)]));
}

describe('canonicalJson properties', () => {
  test('round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const plain: unknown = JSON.parse(JSON.stringify(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(plain);
      }),
    );
  });

  test('ignores key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reverseKeys(value))).toBe(canonicalJson(value));
      }),
    );
  });
});
