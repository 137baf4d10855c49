import { describe, expect, it } from 'vitest';
import type { CapturedMessage } from './captured-message';
import { MessageInbox } from './message-inbox';

function message(id: string, to: string[], receivedAt = new Date('2026-03-01T10:00:00Z')) {
  const captured: CapturedMessage = {
    id,
    messageId: `<${id}@dunflow>`,
    from: 'billing@acme.test',
    to,
    subject: `subject ${id}`,
    text: 'body',
    headers: {},
    receivedAt,
  };
  return captured;
}

describe('MessageInbox', () => {
  it('keeps newest, counts dropped', () => {
    const inbox = new MessageInbox(3);
    for (const id of ['m1', 'm2', 'm3', 'm4', 'm5']) inbox.add(message(id, ['a@x.test']));
    expect(inbox.list().map((m) => m.id)).toEqual(['m3', 'm4', 'm5']);
    expect(inbox.dropped).toBe(2);
  });

  it('clear empties it and resets the count', () => {
    const inbox = new MessageInbox(1);
    inbox.add(message('m1', ['a@x.test']));
    inbox.add(message('m2', ['a@x.test']));
    inbox.clear();
    expect(inbox.list()).toEqual([]);
    expect(inbox.dropped).toBe(0);
  });

  it('filters by recipient, ignoring case', () => {
    const inbox = new MessageInbox(10);
    inbox.add(message('m1', ['Debtor@Example.test']));
    inbox.add(message('m2', ['other@example.test', 'cc@example.test']));
    expect(inbox.list({ to: 'debtor@example.test' }).map((m) => m.id)).toEqual(['m1']);
    expect(inbox.list({ to: 'CC@example.test' }).map((m) => m.id)).toEqual(['m2']);
    expect(inbox.list({ to: 'nobody@example.test' })).toEqual([]);
  });

  it('filters by time received, inclusive', () => {
    const inbox = new MessageInbox(10);
    inbox.add(message('m1', ['a@x.test'], new Date('2026-03-01T10:00:00Z')));
    inbox.add(message('m2', ['a@x.test'], new Date('2026-03-01T11:00:00Z')));
    const since = new Date('2026-03-01T11:00:00Z');
    expect(inbox.list({ since }).map((m) => m.id)).toEqual(['m2']);
    expect(inbox.list({ since, to: 'b@x.test' })).toEqual([]);
  });

  it('waitFor returns a stored match first', async () => {
    const inbox = new MessageInbox(10);
    inbox.add(message('m1', ['a@x.test']));
    inbox.add(message('m2', ['a@x.test']));
    const found = await inbox.waitFor((m) => m.to.includes('a@x.test'), 10);
    expect(found.id).toBe('m1');
  });

  it('waitFor resolves on a later arrival', async () => {
    const inbox = new MessageInbox(10);
    const waiting = inbox.waitFor((m) => m.id === 'm2', 1_000);
    inbox.add(message('m1', ['a@x.test']));
    inbox.add(message('m2', ['a@x.test']));
    await expect(waiting).resolves.toMatchObject({ id: 'm2' });
  });

  it('waitFor times out naming the wait', async () => {
    const inbox = new MessageInbox(10);
    inbox.add(message('m1', ['a@x.test']));
    await expect(inbox.waitFor((m) => m.id === 'none', 20)).rejects.toThrow(
      'no captured message matched within 20 ms (1 in inbox)',
    );
  });

  it('waitFor rejects when the predicate throws', async () => {
    const inbox = new MessageInbox(10);
    const waiting = inbox.waitFor(() => {
      throw new Error('bad predicate');
    }, 1_000);
    inbox.add(message('m1', ['a@x.test']));
    await expect(waiting).rejects.toThrow('bad predicate');
  });

  it('close rejects pending waits', async () => {
    const inbox = new MessageInbox(10);
    const waiting = inbox.waitFor(() => true, 10_000);
    inbox.close(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
  });

  it('rejects an invalid capacity', () => {
    expect(() => new MessageInbox(0)).toThrow(
      'inbox capacity 0 is invalid; use a positive integer',
    );
    expect(() => new MessageInbox(1.5)).toThrow(/1.5 is invalid/);
  });
});
