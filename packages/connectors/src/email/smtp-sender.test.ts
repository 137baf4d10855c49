import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../connector-error';
import { describeEmailSenderContract } from './email-sender.contract';
import { startSmtpCapture } from './smtp-capture';
import type { SmtpCaptureServer } from './smtp-capture';
import { createSmtpSender } from './smtp-sender';

let capture: SmtpCaptureServer;
let rejecting: SMTPServer;
let rejectingPort: number;
let closedPort: number;

/** Starts an SMTP server that rejects some recipients and every login, as a strict relay does. */
function startRejectingServer(): Promise<SMTPServer> {
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (_auth, _session, callback) => {
      callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
    },
    onRcptTo: (address, _session, callback) => {
      if (address.address.startsWith('unknown')) {
        callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      } else if (address.address.startsWith('busy')) {
        callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
      } else {
        callback();
      }
    },
    onData: (stream, _session, callback) => {
      stream.resume();
      stream.on('end', () => {
        callback();
      });
    },
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve(server);
    });
  });
}

/** Finds a port that was free a moment ago, so a connection to it is refused. */
async function findClosedPort(): Promise<number> {
  const probe = await startSmtpCapture({ port: 0 });
  await probe.stop();
  return probe.port;
}

beforeAll(async () => {
  capture = await startSmtpCapture({ port: 0 });
  rejecting = await startRejectingServer();
  rejectingPort = (rejecting.server.address() as AddressInfo).port;
  closedPort = await findClosedPort();
});

afterAll(async () => {
  await capture.stop();
  await new Promise<void>((resolve) => {
    rejecting.close(resolve);
  });
});

describeEmailSenderContract('createSmtpSender to SmtpCapture', () => ({
  sender: createSmtpSender({ host: capture.host, port: capture.port, from: 'billing@acme.test' }),
  readBack: (messageId) => capture.waitFor((message) => message.messageId === messageId, 5_000),
  readAll: (messageId) => capture.messages().filter((message) => message.messageId === messageId),
}));

function sendTo(port: number, to: string, auth?: { user: string; pass: string }) {
  const sender = createSmtpSender({
    host: '127.0.0.1',
    port,
    from: 'billing@acme.test',
    ...(auth === undefined ? {} : { auth }),
  });
  return sender.send({ to, subject: 's', text: 't', idempotencyKey: 'smtp-errors:n1:1' });
}

async function failure(sending: Promise<unknown>): Promise<ConnectorError> {
  const error = await sending.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe('createSmtpSender errors', () => {
  it('refused connection is retryable', async () => {
    const error = await failure(sendTo(closedPort, 'debtor@example.test'));
    expect(error.retryable).toBe(true);
    expect(error.connector).toBe('smtp');
    expect(error.message).toContain(`127.0.0.1:${closedPort}`);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('550 recipient is permanent', async () => {
    const error = await failure(sendTo(rejectingPort, 'unknown@example.test'));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('rejected recipient unknown@example.test');
    expect(error.message).toContain('550 No such mailbox');
  });

  it('a 451 recipient is retryable', async () => {
    const error = await failure(sendTo(rejectingPort, 'busy@example.test'));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('rejected recipient busy@example.test');
  });

  it('rejected credentials are permanent', async () => {
    const error = await failure(
      sendTo(rejectingPort, 'debtor@example.test', { user: 'u', pass: 'bad' }),
    );
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(
      `SMTP server 127.0.0.1:${rejectingPort} rejected the credentials`,
    );
  });
});
