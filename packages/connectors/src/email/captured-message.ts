import { randomUUID } from 'node:crypto';
import type { AddressObject, HeaderValue, ParsedMail, StructuredHeader } from 'mailparser';

/** A message received by the SMTP capture server. */
export interface CapturedMessage {
  /** Identifier given by the capture server, unique within its inbox. */
  id: string;
  /** The Message-ID header with its angle brackets, or `''` when the message had none. */
  messageId: string;
  /** Address of the From header, or the envelope sender when the header is missing. */
  from: string;
  /** Envelope recipients (RCPT TO), so Bcc recipients are listed too. */
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** Decoded header values by lower-case name. Repeated headers are joined with `, `. */
  headers: Record<string, string>;
  receivedAt: Date;
}

/** The SMTP envelope of a received message. */
export interface Envelope {
  mailFrom: string;
  rcptTo: string[];
}

/** Builds the inbox record of a parsed message. */
export function toCapturedMessage(
  parsed: ParsedMail,
  envelope: Envelope,
  receivedAt: Date,
): CapturedMessage {
  const message: CapturedMessage = {
    id: randomUUID(),
    messageId: parsed.messageId ?? '',
    from: parsed.from?.value[0]?.address ?? envelope.mailFrom,
    to: envelope.rcptTo,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    headers: flattenHeaders(parsed),
    receivedAt,
  };
  if (typeof parsed.html === 'string') {
    message.html = parsed.html;
  }
  return message;
}

/**
 * Lists headers under their own names, from the parsed value where mailparser has one and from
 * the unfolded raw line where it merged the header into another (`List-*`, `X-Priority`).
 */
function flattenHeaders(parsed: ParsedMail): Record<string, string> {
  const flat = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) {
    const value = parsed.headers.get(key);
    if (value !== undefined) {
      flat.set(key, headerText(value));
      continue;
    }
    const raw = rawHeaderValue(line);
    const earlier = flat.get(key);
    flat.set(key, earlier === undefined ? raw : `${earlier}, ${raw}`);
  }
  return Object.fromEntries(flat);
}

function rawHeaderValue(line: string): string {
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

function headerText(value: HeaderValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => headerText(item)).join(', ');
  if (isAddressObject(value)) return value.text;
  if (isStructuredHeader(value)) return structuredText(value);
  return JSON.stringify(value);
}

function isAddressObject(value: object): value is AddressObject {
  return 'text' in value && typeof value.text === 'string';
}

function isStructuredHeader(value: object): value is StructuredHeader {
  return 'value' in value && typeof value.value === 'string' && 'params' in value;
}

/** Writes a header such as Content-Type back as `value; name=param`. */
function structuredText(header: StructuredHeader): string {
  const params = Object.entries(header.params).map(([name, param]) => `${name}=${param}`);
  return [header.value, ...params].join('; ');
}
