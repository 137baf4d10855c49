import { describe, expect, test } from 'vitest';
import { parseChannel } from './parse-channel';

describe('parseChannel', () => {
  test.each([
    ['Paper', 'paper'],
    ['Papier', 'paper'],
    ['Electronic', 'electronic'],
    ['Électronique', 'electronic'],
    ['Electrónica', 'electronic'],
    ['E-mail', 'electronic'],
  ])('%s is %s', (text, channel) => {
    expect(parseChannel(text)).toEqual({ ok: true, value: channel });
  });

  test('fax is invalid', () => {
    expect(parseChannel('fax').ok).toBe(false);
  });
});
