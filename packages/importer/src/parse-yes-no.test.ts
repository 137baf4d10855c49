import { describe, expect, test } from 'vitest';
import { parseYesNo } from './parse-yes-no';

describe('parseYesNo', () => {
  test.each(['Yes', 'Y', 'oui', 'OUI', 'Sí', 'si', 'true', 'TRUE', '1', 'Vrai', 'x'])(
    '%s is yes',
    (text) => {
      expect(parseYesNo(text)).toEqual({ ok: true, value: true });
    },
  );

  test.each(['No', 'N', 'non', 'NON', 'false', '0', 'Faux', 'falso'])('%s is no', (text) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value: false });
  });

  test('other words are invalid', () => {
    expect(parseYesNo('peut-être')).toEqual({
      ok: false,
      reason: "'peut-être' is not a yes/no value; use Yes/No, Oui/Non, Sí/No, true/false or 1/0",
    });
  });
});
