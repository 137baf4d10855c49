import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../connector-error';
import type { CapturedMessage } from './captured-message';
import type { EmailSender } from './email-sender';
import { messageIdFor } from './message-id';

/** Fixture of the contract suite: a sender, and a way to read back what it delivered. */
export interface EmailSenderHarness {
  sender: EmailSender;
  /** Resolves with the delivered message whose Message-ID is `messageId`. */
  readBack: (messageId: string) => Promise<CapturedMessage>;
  /** Resolves with every delivered message that has this Message-ID. */
  readAll: (messageId: string) => CapturedMessage[];
}

/**
 * Registers the tests every `EmailSender` must pass. `harness` is called inside the tests, so
 * it may read values set in a `beforeAll` hook.
 */
export function describeEmailSenderContract(name: string, harness: () => EmailSenderHarness): void {
  describe(`EmailSender contract: ${name}`, () => {
    it('delivers subject, body and headers', async () => {
      const { sender, readBack } = harness();
      const sent = await sender.send({
        to: 'debtor@example.test',
        subject: 'Invoice INV-1 is overdue',
        text: 'Please pay INV-1.',
        html: '<p>Please pay INV-1.</p>',
        idempotencyKey: 'contract-inv-1:n3:1',
        headers: { 'X-Dunflow-Invoice': 'INV-1' },
      });

      const received = await readBack(sent.messageId);
      expect(received.to).toEqual(['debtor@example.test']);
      expect(received.subject).toBe('Invoice INV-1 is overdue');
      expect(received.text.trim()).toBe('Please pay INV-1.');
      expect(received.html).toBe('<p>Please pay INV-1.</p>');
      expect(received.headers['x-dunflow-invoice']).toBe('INV-1');
    });

    it('derives the Message-ID from the key', async () => {
      const { sender, readBack } = harness();
      const key = 'contract-inv-2:n3:1';
      const sent = await sender.send({
        to: 'debtor@example.test',
        subject: 's',
        text: 't',
        idempotencyKey: key,
      });

      expect(sent.messageId).toBe(messageIdFor(key));
      const received = await readBack(sent.messageId);
      expect(received.messageId).toBe(messageIdFor(key));
      expect(received.headers['x-dunflow-idempotency-key']).toBe(key);
    });

    it('gives a resend the same Message-ID', async () => {
      const { sender, readBack, readAll } = harness();
      const email = {
        to: 'debtor@example.test',
        subject: 's',
        text: 't',
        idempotencyKey: 'contract-inv-3:n5:2',
      };
      const first = await sender.send(email);
      const second = await sender.send(email);

      expect(second.messageId).toBe(first.messageId);
      await readBack(first.messageId);
      const copies = readAll(first.messageId);
      expect(copies.map((copy) => copy.messageId)).toEqual([first.messageId, first.messageId]);
    });

    it('gives different keys different Message-IDs', async () => {
      const { sender } = harness();
      const base = { to: 'debtor@example.test', subject: 's', text: 't' };
      const first = await sender.send({ ...base, idempotencyKey: 'contract-inv-4:n3:1' });
      const second = await sender.send({ ...base, idempotencyKey: 'contract-inv-4:n3:2' });
      expect(second.messageId).not.toBe(first.messageId);
    });

    it('rejects an empty key as permanent', async () => {
      const { sender } = harness();
      const sending = sender.send({
        to: 'debtor@example.test',
        subject: 's',
        text: 't',
        idempotencyKey: '',
      });
      await expect(sending).rejects.toBeInstanceOf(ConnectorError);
      await expect(sending).rejects.toMatchObject({ retryable: false });
    });

    it('rejects a header that replaces the key', async () => {
      const { sender } = harness();
      const sending = sender.send({
        to: 'debtor@example.test',
        subject: 's',
        text: 't',
        idempotencyKey: 'contract-inv-5:n3:1',
        headers: { 'message-id': '<other@example.test>' },
      });
      await expect(sending).rejects.toThrow(/header 'message-id' is set by the sender/);
      await expect(sending).rejects.toMatchObject({ retryable: false });
    });
  });
}
