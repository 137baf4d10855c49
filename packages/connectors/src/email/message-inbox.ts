import type { CapturedMessage } from './captured-message';

/** Filter for listing captured messages. A message must match every field that is set. */
export interface MessageFilter {
  /** A recipient address, compared case-insensitively. */
  to?: string;
  /** Only messages received at or after this time. */
  since?: Date;
}

export type MessagePredicate = (message: CapturedMessage) => boolean;

interface Waiter {
  predicate: MessagePredicate;
  resolve: (message: CapturedMessage) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * An in-memory inbox that keeps the newest `capacity` messages, in arrival order, and counts
 * the older ones it dropped to stay within that bound.
 */
export class MessageInbox {
  readonly capacity: number;
  #messages: CapturedMessage[] = [];
  #dropped = 0;
  readonly #waiters = new Set<Waiter>();

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`inbox capacity ${capacity} is invalid; use a positive integer`);
    }
    this.capacity = capacity;
  }

  /** Number of messages dropped because the inbox was full, since start or the last clear. */
  get dropped(): number {
    return this.#dropped;
  }

  add(message: CapturedMessage): void {
    this.#messages.push(message);
    const excess = this.#messages.length - this.capacity;
    if (excess > 0) {
      this.#messages.splice(0, excess);
      this.#dropped += excess;
    }
    this.#notifyWaiters(message);
  }

  list(filter: MessageFilter = {}): CapturedMessage[] {
    return this.#messages.filter((message) => matchesFilter(message, filter));
  }

  clear(): void {
    this.#messages = [];
    this.#dropped = 0;
  }

  /**
   * Resolves with the oldest message already in the inbox that matches `predicate`, or else
   * with the first matching message to arrive within `timeoutMs`.
   */
  waitFor(predicate: MessagePredicate, timeoutMs: number): Promise<CapturedMessage> {
    return new Promise((resolve, reject) => {
      const existing = this.#messages.find(predicate);
      if (existing !== undefined) {
        resolve(existing);
        return;
      }
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const count = this.#messages.length;
        reject(new Error(`no captured message matched within ${timeoutMs} ms (${count} in inbox)`));
      }, timeoutMs);
      const waiter: Waiter = { predicate, resolve, reject, timer };
      this.#waiters.add(waiter);
    });
  }

  /** Rejects every pending {@link waitFor} with `reason`. */
  close(reason: Error): void {
    for (const waiter of this.#waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(reason);
    }
    this.#waiters.clear();
  }

  #notifyWaiters(message: CapturedMessage): void {
    for (const waiter of this.#waiters) {
      let matched: boolean;
      try {
        matched = waiter.predicate(message);
      } catch (error) {
        this.#settle(waiter);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (matched) {
        this.#settle(waiter);
        waiter.resolve(message);
      }
    }
  }

  #settle(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.#waiters.delete(waiter);
  }
}

function matchesFilter(message: CapturedMessage, filter: MessageFilter): boolean {
  if (filter.to !== undefined) {
    const wanted = filter.to.toLowerCase();
    if (!message.to.some((address) => address.toLowerCase() === wanted)) return false;
  }
  return filter.since === undefined || message.receivedAt >= filter.since;
}
