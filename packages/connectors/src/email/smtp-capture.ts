import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { toCapturedMessage } from './captured-message';
import type { CapturedMessage, Envelope } from './captured-message';
import { InboxFile } from './inbox-file';
import { MessageInbox } from './message-inbox';
import type { MessageFilter, MessagePredicate } from './message-inbox';

export interface SmtpCaptureOptions {
  /** Interface to listen on, `127.0.0.1` by default. */
  host?: string;
  /** TCP port. 0, the default, picks any free port. */
  port?: number;
  /** Number of messages kept, 10,000 by default. Older ones are dropped and counted. */
  maxMessages?: number;
  /** Maximum message size in bytes, 10 MiB by default. Larger messages get a 552 reply. */
  maxMessageBytes?: number;
  /** A JSON Lines file the inbox is saved to and reloaded from on start. */
  inboxFile?: string;
  /** Receives errors of client connections, such as a reset socket. Ignored by default. */
  onError?: (error: Error) => void;
}

/** A running SMTP capture server: a local SMTP server that keeps what it receives. */
export interface SmtpCaptureServer {
  readonly host: string;
  readonly port: number;
  /** Number of messages dropped because the inbox was full. */
  readonly dropped: number;
  /** Messages in arrival order, oldest first. */
  messages(filter?: MessageFilter): CapturedMessage[];
  /** Empties the inbox, and its file when there is one. */
  clear(): Promise<void>;
  /** Resolves with the oldest stored or first arriving message that matches. */
  waitFor(predicate: MessagePredicate, timeoutMs: number): Promise<CapturedMessage>;
  stop(): Promise<void>;
}

const DEFAULT_MAX_MESSAGES = 10_000;
const DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * Starts an SMTP server that accepts every sender and recipient, with or without AUTH and
 * without TLS, and parses each message into an in-memory inbox.
 */
export async function startSmtpCapture(
  options: SmtpCaptureOptions = {},
): Promise<SmtpCaptureServer> {
  const host = options.host ?? '127.0.0.1';
  const inbox = new MessageInbox(options.maxMessages ?? DEFAULT_MAX_MESSAGES);
  const file = options.inboxFile === undefined ? undefined : new InboxFile(options.inboxFile);
  if (file !== undefined) await restoreInbox(inbox, file);

  const receive = async (message: CapturedMessage): Promise<void> => {
    await file?.append(message);
    inbox.add(message);
  };
  const server = createServer(options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES, receive);
  const port = await listen(server, options.port ?? 0, host);
  server.on('error', options.onError ?? (() => undefined));

  return {
    host,
    port,
    get dropped() {
      return inbox.dropped;
    },
    messages: (filter) => inbox.list(filter),
    clear: async () => {
      inbox.clear();
      await file?.rewrite([]);
    },
    waitFor: (predicate, timeoutMs) => inbox.waitFor(predicate, timeoutMs),
    stop: () => stopServer(server, inbox),
  };
}

async function restoreInbox(inbox: MessageInbox, file: InboxFile): Promise<void> {
  const loaded = await file.load();
  for (const message of loaded.messages) inbox.add(message);
  if (loaded.needsRewrite || inbox.dropped > 0) await file.rewrite(inbox.list());
}

function createServer(
  maxMessageBytes: number,
  receive: (message: CapturedMessage) => Promise<void>,
): SMTPServer {
  return new SMTPServer({
    banner: 'Dunflow SMTP capture',
    logger: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    size: maxMessageBytes,
    closeTimeout: 1_000,
    onAuth: (auth, _session, callback) => {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData: (stream, session, callback) => {
      captureMessage(stream, session, receive).then(
        (id) => {
          callback(null, `Message captured as ${id}`);
        },
        (error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    },
  });
}

async function captureMessage(
  stream: SMTPServerDataStream,
  session: SMTPServerSession,
  receive: (message: CapturedMessage) => Promise<void>,
): Promise<string> {
  const parsed = await simpleParser(stream);
  if (stream.sizeExceeded) {
    throw Object.assign(new Error('Message exceeds the size limit of this server'), {
      responseCode: 552,
    });
  }
  const message = toCapturedMessage(parsed, envelopeOf(session), new Date());
  await receive(message);
  return message.id;
}

function envelopeOf(session: SMTPServerSession): Envelope {
  const { mailFrom, rcptTo } = session.envelope;
  return {
    mailFrom: mailFrom === false ? '' : mailFrom.address,
    rcptTo: rcptTo.map((recipient) => recipient.address),
  };
}

function listen(server: SMTPServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      reject(new Error(`SMTP capture could not listen on ${host}:${port}`, { cause: error }));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.server.address() as AddressInfo).port);
    });
  });
}

function stopServer(server: SMTPServer, inbox: MessageInbox): Promise<void> {
  inbox.close(new Error('SMTP capture server stopped before a matching message arrived'));
  return new Promise((resolve) => {
    server.close(resolve);
  });
}
