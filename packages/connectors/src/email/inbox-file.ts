import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CapturedMessage } from './captured-message';

/** The messages read back from an inbox file. */
export interface LoadedInbox {
  messages: CapturedMessage[];
  /** True when the file should be rewritten: it ended in a cut-off line. */
  needsRewrite: boolean;
}

/**
 * An inbox persisted as JSON Lines, one captured message a line, so a restarted capture server
 * keeps its messages. Writes run one after another in call order.
 */
export class InboxFile {
  readonly path: string;
  #pending: Promise<void> = Promise.resolve();

  constructor(path: string) {
    this.path = path;
  }

  /** Reads the file. A missing file is an empty inbox. */
  async load(): Promise<LoadedInbox> {
    let content: string;
    try {
      content = await readFile(this.path, 'utf8');
    } catch (error) {
      if (isMissingFile(error)) return { messages: [], needsRewrite: false };
      throw error;
    }
    return this.#parse(content);
  }

  append(message: CapturedMessage): Promise<void> {
    return this.#enqueue(() => appendFile(this.path, `${JSON.stringify(message)}\n`));
  }

  /** Replaces the file's content with `messages`. */
  rewrite(messages: readonly CapturedMessage[]): Promise<void> {
    const lines = messages.map((message) => `${JSON.stringify(message)}\n`).join('');
    return this.#enqueue(() => writeFile(this.path, lines));
  }

  #enqueue(write: () => Promise<void>): Promise<void> {
    const next = this.#pending
      .catch(() => undefined)
      .then(async () => {
        await mkdir(dirname(this.path), { recursive: true });
        await write();
      });
    this.#pending = next;
    return next;
  }

  #parse(content: string): LoadedInbox {
    const lines = content.split('\n');
    // A crash during an append can leave a last line without its newline: drop it.
    const cutOff = lines.at(-1) !== '';
    const complete = lines.slice(0, -1);
    const messages = complete.map((line, index) => this.#parseLine(line, index + 1));
    return { messages, needsRewrite: cutOff };
  }

  #parseLine(line: string, lineNumber: number): CapturedMessage {
    const where = `inbox file ${this.path}, line ${lineNumber}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new Error(`${where} is not valid JSON; fix or delete the line`, { cause: error });
    }
    return reviveMessage(record, where);
  }
}

function reviveMessage(record: unknown, where: string): CapturedMessage {
  if (!isMessageRecord(record)) {
    throw new Error(`${where} is not a captured message; fix or delete the line`);
  }
  const receivedAt = new Date(record.receivedAt);
  if (Number.isNaN(receivedAt.getTime())) {
    throw new Error(`${where} has an invalid receivedAt '${record.receivedAt}'; use ISO 8601`);
  }
  return { ...record, receivedAt };
}

type MessageRecord = Omit<CapturedMessage, 'receivedAt'> & { receivedAt: string };

function isMessageRecord(record: unknown): record is MessageRecord {
  if (typeof record !== 'object' || record === null) return false;
  const fields = record as Record<string, unknown>;
  const strings = ['id', 'messageId', 'from', 'subject', 'text', 'receivedAt'];
  return (
    strings.every((name) => typeof fields[name] === 'string') &&
    Array.isArray(fields['to']) &&
    fields['to'].every((address) => typeof address === 'string') &&
    (fields['html'] === undefined || typeof fields['html'] === 'string') &&
    isStringRecord(fields['headers'])
  );
}

function isStringRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).every((item) => typeof item === 'string');
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
