import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { ConnectorError } from '../connector-error';
import type { EmailSender, OutgoingEmail } from './email-sender';
import { IDEMPOTENCY_KEY_HEADER, messageIdFor } from './message-id';
import { toSmtpConnectorError } from './smtp-error';

export interface SmtpSenderOptions {
  host: string;
  port: number;
  /** True for implicit TLS, usually on port 465. False, the default, lets STARTTLS upgrade. */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** The From header, e.g. `"Acme Billing" <billing@acme.example>`. */
  from: string;
  /** Milliseconds to wait for the TCP connection and for the greeting, 10,000 by default. */
  connectTimeoutMs?: number;
}

/** Headers the sender sets itself, in lower case, which `OutgoingEmail.headers` must not set. */
const RESERVED_HEADERS = new Set(['message-id', IDEMPOTENCY_KEY_HEADER.toLowerCase()]);

/**
 * Creates an `EmailSender` that delivers through an SMTP server with nodemailer. The
 * Message-ID comes from the idempotency key, which also travels in `X-Dunflow-Idempotency-Key`.
 */
export function createSmtpSender(options: SmtpSenderOptions): EmailSender {
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const transport = createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    ...(options.auth === undefined ? {} : { auth: options.auth }),
    connectionTimeout: connectTimeoutMs,
    greetingTimeout: connectTimeoutMs,
    socketTimeout: 60_000,
  });
  const server = `${options.host}:${options.port}`;
  return { send: (email) => sendEmail(transport, server, options.from, email) };
}

async function sendEmail(
  transport: Transporter,
  server: string,
  from: string,
  email: OutgoingEmail,
): Promise<{ messageId: string }> {
  const messageId = deriveMessageId(email.idempotencyKey);
  const headers = {
    ...checkHeaders(email.headers ?? {}),
    [IDEMPOTENCY_KEY_HEADER]: email.idempotencyKey,
  };
  try {
    const info = await transport.sendMail({
      from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      ...(email.html === undefined ? {} : { html: email.html }),
      messageId,
      headers,
    });
    return { messageId: info.messageId };
  } catch (error) {
    throw toSmtpConnectorError(error, server);
  }
}

function deriveMessageId(idempotencyKey: string): string {
  try {
    return messageIdFor(idempotencyKey);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConnectorError(reason, { connector: 'smtp', retryable: false, cause: error });
  }
}

function checkHeaders(headers: Record<string, string>): Record<string, string> {
  for (const name of Object.keys(headers)) {
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new ConnectorError(
        `header '${name}' is set by the sender from the idempotency key; remove it from headers`,
        { connector: 'smtp', retryable: false },
      );
    }
  }
  return headers;
}
