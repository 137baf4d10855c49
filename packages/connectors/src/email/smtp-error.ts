import { ConnectorError } from '../connector-error';

/** The fields nodemailer sets on the errors it raises. */
interface SmtpFailure {
  message: string;
  code?: string;
  /** The SMTP reply code, when the server replied. */
  responseCode?: number;
  response?: string;
  command?: string;
  rejected?: string[];
}

/** Errors without a reply code that a retry cannot fix: bad settings or a bad message. */
const PERMANENT_CODES = new Set(['EAUTH', 'ETLS', 'EENVELOPE', 'EMESSAGE', 'ECONFIG']);

/**
 * Converts a nodemailer error into a `ConnectorError`. 5xx replies are permanent, while 4xx
 * replies and network errors are retryable. `server` is the `host:port` the sender connects to.
 */
export function toSmtpConnectorError(error: unknown, server: string): ConnectorError {
  const failure = asFailure(error);
  return new ConnectorError(describeFailure(failure, server), {
    connector: 'smtp',
    retryable: isRetryable(failure),
    cause: error,
  });
}

function isRetryable(failure: SmtpFailure): boolean {
  if (failure.responseCode !== undefined) return failure.responseCode < 500;
  return failure.code === undefined || !PERMANENT_CODES.has(failure.code);
}

function describeFailure(failure: SmtpFailure, server: string): string {
  const reply = failure.response ?? failure.message;
  const rejected = failure.rejected ?? [];
  if (rejected.length > 0) {
    const advice = isRetryable(failure) ? 'retry later' : 'check the address';
    return `SMTP server ${server} rejected recipient ${rejected.join(', ')}: ${reply}; ${advice}`;
  }
  if (failure.code === 'EAUTH') {
    return `SMTP server ${server} rejected the credentials: ${reply}; check auth.user and auth.pass`;
  }
  if (failure.responseCode !== undefined) {
    const command = failure.command === undefined ? 'the message' : failure.command;
    return `SMTP server ${server} rejected ${command}: ${reply}`;
  }
  return (
    `SMTP connection to ${server} failed: ${failure.message}; ` +
    'check that the SMTP server is running and that host and port are right'
  );
}

function asFailure(error: unknown): SmtpFailure {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = error as Error & Record<string, unknown>;
  const failure: SmtpFailure = { message: error.message };
  if (typeof fields['code'] === 'string') failure.code = fields['code'];
  if (typeof fields['responseCode'] === 'number') failure.responseCode = fields['responseCode'];
  if (typeof fields['response'] === 'string') failure.response = fields['response'];
  if (typeof fields['command'] === 'string') failure.command = fields['command'];
  if (isStringArray(fields['rejected'])) failure.rejected = fields['rejected'];
  return failure;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
