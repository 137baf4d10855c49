import { describe, expect, test } from 'vitest';
import { parseLanguageTag } from './parse-language-tag';

describe('parseLanguageTag', () => {
  test.each([
    ['fr', 'fr'],
    ['FR-be', 'fr-BE'],
    ['es_ES', 'es-ES'],
    ['Français', 'fr'],
    ['Español', 'es'],
    ['English', 'en'],
  ])('%s is %s', (text, tag) => {
    expect(parseLanguageTag(text)).toEqual({ ok: true, value: tag });
  });

  test('a number is invalid', () => {
    expect(parseLanguageTag('33').ok).toBe(false);
  });
});
