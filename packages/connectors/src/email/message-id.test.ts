import { describe, expect, it } from 'vitest';
import { messageIdFor } from './message-id';

/** RFC 5322 msg-id with a dot-atom left part and the `dunflow` domain. */
const MSG_ID = /^<[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@dunflow>$/;

describe('messageIdFor', () => {
  it('keeps letters, digits, dash and underscore', () => {
    expect(messageIdFor('inv-42_reminder-1')).toBe('<inv-42_reminder-1@dunflow>');
  });

  it('escapes other characters as UTF-8 bytes', () => {
    expect(messageIdFor('inv 42:n3/1')).toBe('<inv%2042%3An3%2F1@dunflow>');
    expect(messageIdFor('café')).toBe('<caf%C3%A9@dunflow>');
  });

  it('gives distinct keys distinct ids', () => {
    const keys = ['a:b', 'a_b', 'a%3Ab', 'a.b', 'a..b', 'a b', 'ab'];
    const ids = new Set(keys.map((key) => messageIdFor(key)));
    expect(ids.size).toBe(keys.length);
  });

  it('produces valid msg-ids', () => {
    for (const key of ['.leading', 'trailing.', 'dou..ble', '<angle>', 'at@sign', '"quoted"']) {
      expect(messageIdFor(key)).toMatch(MSG_ID);
    }
  });

  it('rejects an empty key', () => {
    expect(() => messageIdFor('')).toThrow(/idempotency key is empty/);
  });

  it('rejects a key over 200 characters', () => {
    expect(() => messageIdFor('k'.repeat(201))).toThrow(/has 201 characters; use at most 200/);
    expect(messageIdFor('k'.repeat(200))).toMatch(MSG_ID);
  });
});
