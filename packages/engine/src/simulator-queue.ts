import type { Instant, Payment } from '@dunflow/model';
import { parseInstant } from './calendar';

/** Something that happens at one moment of a simulation. */
export type SimulationItem =
  | { kind: 'payment'; payment: Payment }
  | { kind: 'settlement'; invoiceId: string }
  | { kind: 'timer'; invoiceId: string; timerId: string };

export interface QueuedItem {
  at: Instant;
  item: SimulationItem;
}

interface Entry extends QueuedItem {
  ms: number;
  rank: number;
  order: number;
  sequence: number;
}

/** At one instant, payments come first, then ERP settlements, then timers. */
const RANK: Record<SimulationItem['kind'], number> = { payment: 0, settlement: 1, timer: 2 };

/**
 * The virtual clock's agenda: a binary min-heap ordered by time, then kind, then the
 * invoice's order in the book, then insertion, so equal inputs always pop in the same order.
 */
export class SimulationQueue {
  private readonly heap: Entry[] = [];
  private sequence = 0;

  constructor(private readonly invoiceOrder: ReadonlyMap<string, number>) {}

  get size(): number {
    return this.heap.length;
  }

  push(at: Instant, item: SimulationItem): void {
    const invoiceId = item.kind === 'payment' ? item.payment.invoiceId : item.invoiceId;
    const order = this.invoiceOrder.get(invoiceId) ?? Number.MAX_SAFE_INTEGER;
    const entry = {
      at,
      item,
      ms: parseInstant(at),
      rank: RANK[item.kind],
      order,
      sequence: this.sequence,
    };
    this.sequence += 1;
    this.heap.push(entry);
    this.siftUp(this.heap.length - 1);
  }

  /** Removes and returns the earliest item, or undefined when the queue is empty. */
  pop(): QueuedItem | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top === undefined || last === undefined) return undefined;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return { at: top.at, item: top.item };
  }

  private siftUp(index: number): void {
    for (let child = index; child > 0;) {
      const parent = (child - 1) >> 1;
      if (!this.isBefore(child, parent)) return;
      this.swap(child, parent);
      child = parent;
    }
  }

  private siftDown(index: number): void {
    for (let parent = index; ;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let first = parent;
      if (left < this.heap.length && this.isBefore(left, first)) first = left;
      if (right < this.heap.length && this.isBefore(right, first)) first = right;
      if (first === parent) return;
      this.swap(parent, first);
      parent = first;
    }
  }

  private isBefore(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    if (x === undefined || y === undefined) return false;
    if (x.ms !== y.ms) return x.ms < y.ms;
    if (x.rank !== y.rank) return x.rank < y.rank;
    if (x.order !== y.order) return x.order < y.order;
    return x.sequence < y.sequence;
  }

  private swap(a: number, b: number): void {
    const x = this.heap[a];
    const y = this.heap[b];
    if (x === undefined || y === undefined) return;
    this.heap[a] = y;
    this.heap[b] = x;
  }
}
