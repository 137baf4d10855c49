import { describe, expect, test } from 'vitest';
import { contentHash } from './content-hash';

describe('contentHash', () => {
  // Expected digests computed with coreutils sha256sum over the canonical text.
  test('hashes the canonical JSON text', () => {
    expect(contentHash({})).toBe(
      'ca3d163bab055381827226140568f3bef7eaac187cebd76878e0b63e9e442356',
    );
    expect(contentHash({ b: [true, null], a: 1 })).toBe(
      '4591fdce18a28c3a4e2f1b4b70959bb46f7045efbb35b953d3a0cdf4155cf296',
    );
  });

  test('ignores key order', () => {
    expect(contentHash({ x: 1, y: 2 })).toBe(contentHash({ y: 2, x: 1 }));
  });

  test('changes with any value', () => {
    expect(contentHash({ x: 1 })).not.toBe(contentHash({ x: 2 }));
    expect(contentHash({ x: '1' })).not.toBe(contentHash({ x: 1 }));
  });
});
