import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import type { SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture } from './smtp-capture';
import type { SmtpCaptureOptions, SmtpCaptureServer } from './smtp-capture';

const running = new Set<SmtpCaptureServer>();
let directory: string;

async function start(options: SmtpCaptureOptions = {}): Promise<SmtpCaptureServer> {
  const capture = await startSmtpCapture({ port: 0, ...options });
  running.add(capture);
  return capture;
}

async function stop(capture: SmtpCaptureServer): Promise<void> {
  running.delete(capture);
  await capture.stop();
}

function send(
  capture: SmtpCaptureServer,
  mail: SendMailOptions,
  auth?: { user: string; pass: string },
) {
  const transport = createTransport({
    host: capture.host,
    port: capture.port,
    secure: false,
    ...(auth === undefined ? {} : { auth }),
  });
  return transport.sendMail({
    from: 'billing@acme.test',
    subject: 'Reminder',
    text: 'Body',
    ...mail,
  });
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'dunflow-smtp-capture-'));
});

afterAll(async () => {
  await Promise.all([...running].map((capture) => capture.stop()));
  await rm(directory, { recursive: true, force: true });
});

describe('startSmtpCapture', () => {
  it('listens on a free port of 127.0.0.1', async () => {
    const capture = await start();
    expect(capture.host).toBe('127.0.0.1');
    expect(capture.port).toBeGreaterThan(0);
  });

  it('captures text, html, headers and the envelope', async () => {
    const capture = await start();
    await send(capture, {
      from: '"Acme Billing" <billing@acme.test>',
      to: 'debtor@example.test',
      bcc: 'audit@acme.test',
      subject: 'Facture échue',
      text: 'Plain body',
      html: '<p>HTML body</p>',
      messageId: '<key-1@dunflow>',
      headers: { 'X-Campaign': 'first-reminder' },
    });

    const [message] = capture.messages();
    expect(message?.messageId).toBe('<key-1@dunflow>');
    expect(message?.from).toBe('billing@acme.test');
    expect(message?.to).toEqual(['debtor@example.test', 'audit@acme.test']);
    expect(message?.subject).toBe('Facture échue');
    expect(message?.text.trim()).toBe('Plain body');
    expect(message?.html).toBe('<p>HTML body</p>');
    expect(message?.headers['x-campaign']).toBe('first-reminder');
    expect(message?.headers['from']).toBe('"Acme Billing" <billing@acme.test>');
    expect(message?.headers['subject']).toBe('Facture échue');
    expect(message?.headers['content-type']).toMatch(/^multipart\/alternative; boundary=/);
    expect(message?.receivedAt).toBeInstanceOf(Date);
  });

  it('keeps List-Unsubscribe under its own name', async () => {
    const capture = await start();
    await send(capture, {
      to: 'debtor@example.test',
      headers: { 'List-Unsubscribe': '<https://acme.test/unsubscribe>' },
    });
    expect(capture.messages()[0]?.headers['list-unsubscribe']).toBe(
      '<https://acme.test/unsubscribe>',
    );
  });

  it('accepts any credentials', async () => {
    const capture = await start();
    await send(capture, { to: 'debtor@example.test' }, { user: 'anyone', pass: 'anything' });
    expect(capture.messages()).toHaveLength(1);
  });

  it('filters messages and waits for one', async () => {
    const capture = await start();
    const waiting = capture.waitFor((m) => m.to.includes('second@example.test'), 5_000);
    await send(capture, { to: 'first@example.test' });
    await send(capture, { to: 'second@example.test' });
    await expect(waiting).resolves.toMatchObject({ to: ['second@example.test'] });
    expect(capture.messages({ to: 'FIRST@example.test' })).toHaveLength(1);
    expect(capture.messages({ since: new Date(Date.now() + 60_000) })).toHaveLength(0);
  });

  it('drops the oldest beyond maxMessages', async () => {
    const capture = await start({ maxMessages: 2 });
    for (const n of [1, 2, 3]) await send(capture, { to: 'a@example.test', subject: `s${n}` });
    expect(capture.messages().map((m) => m.subject)).toEqual(['s2', 's3']);
    expect(capture.dropped).toBe(1);
  });

  it('rejects a message over maxMessageBytes with 552', async () => {
    const capture = await start({ maxMessageBytes: 1_024 });
    await expect(
      send(capture, { to: 'a@example.test', text: 'x'.repeat(5_000) }),
    ).rejects.toMatchObject({
      responseCode: 552,
    });
    expect(capture.messages()).toHaveLength(0);
  });

  it('clear empties the inbox', async () => {
    const capture = await start();
    await send(capture, { to: 'a@example.test' });
    await capture.clear();
    expect(capture.messages()).toEqual([]);
  });

  it('stop rejects pending waits', async () => {
    const capture = await start();
    const waiting = capture.waitFor(() => true, 10_000);
    await stop(capture);
    await expect(waiting).rejects.toThrow(/stopped before a matching message arrived/);
  });

  it('rejects a port in use', async () => {
    const capture = await start();
    await expect(startSmtpCapture({ port: capture.port })).rejects.toThrow(
      `SMTP capture could not listen on 127.0.0.1:${capture.port}`,
    );
  });
});

describe('startSmtpCapture with an inbox file', () => {
  it('reloads the inbox after a restart', async () => {
    const inboxFile = join(directory, 'restart', 'inbox.jsonl');
    const first = await start({ inboxFile });
    await send(first, { to: 'a@example.test', subject: 'kept', html: '<b>kept</b>' });
    const [original] = first.messages();
    await stop(first);

    const second = await start({ inboxFile });
    const [reloaded] = second.messages();
    expect(reloaded).toEqual(original);
    expect(reloaded?.receivedAt).toBeInstanceOf(Date);
  });

  it('compacts the file to maxMessages', async () => {
    const inboxFile = join(directory, 'compact.jsonl');
    const first = await start({ inboxFile });
    for (const n of [1, 2, 3]) await send(first, { to: 'a@example.test', subject: `s${n}` });
    await stop(first);

    const second = await start({ inboxFile, maxMessages: 2 });
    expect(second.messages().map((m) => m.subject)).toEqual(['s2', 's3']);
    expect(second.dropped).toBe(1);
    const lines = (await readFile(inboxFile, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
  });

  it('drops a cut-off last line', async () => {
    const inboxFile = join(directory, 'cut-off.jsonl');
    const first = await start({ inboxFile });
    await send(first, { to: 'a@example.test', subject: 'complete' });
    await stop(first);
    await writeFile(inboxFile, `${await readFile(inboxFile, 'utf8')}{"id":"half`);

    const second = await start({ inboxFile });
    expect(second.messages().map((m) => m.subject)).toEqual(['complete']);
    expect((await readFile(inboxFile, 'utf8')).endsWith('}\n')).toBe(true);
  });

  it('rejects a corrupt line naming it', async () => {
    const inboxFile = join(directory, 'corrupt.jsonl');
    await writeFile(inboxFile, '{"id": 1}\n');
    await expect(startSmtpCapture({ inboxFile })).rejects.toThrow(
      `inbox file ${inboxFile}, line 1 is not a captured message; fix or delete the line`,
    );
  });

  it('clear empties the file', async () => {
    const inboxFile = join(directory, 'clear.jsonl');
    const capture = await start({ inboxFile });
    await send(capture, { to: 'a@example.test' });
    await capture.clear();
    expect(await readFile(inboxFile, 'utf8')).toBe('');
  });
});
