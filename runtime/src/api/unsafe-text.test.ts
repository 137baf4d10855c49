import { describe, expect, it } from 'vitest';
import { decodedPath, findUnsafeText } from './unsafe-text';

describe('findUnsafeText', () => {
  it('finds a NUL in a nested field', () => {
    expect(findUnsafeText({ a: { reason: 'x\u0000y' } })).toBe('a.reason');
  });

  it('finds a lone surrogate in a list', () => {
    expect(findUnsafeText({ list: ['ok', 'bad \ud800 text'] })).toBe('list.1');
  });

  it('finds a NUL in a key', () => {
    expect(findUnsafeText({ 'a\u0000': 1 })).toBe('a\u0000');
  });

  it('accepts a surrogate pair and plain text', () => {
    expect(findUnsafeText({ emoji: '\ud83d\ude00', text: 'Créance n° 12' })).toBeUndefined();
  });

  it('flags a bare string', () => {
    expect(findUnsafeText('\u0000')).toBe('(value)');
  });
});

describe('decodedPath', () => {
  it('decodes an escaped NUL', () => {
    expect(decodedPath('/invoices/%00')).toBe('/invoices/\u0000');
  });

  it('keeps a malformed escape', () => {
    expect(decodedPath('/invoices/%E0%A4%A')).toBe('/invoices/%E0%A4%A');
  });
});
