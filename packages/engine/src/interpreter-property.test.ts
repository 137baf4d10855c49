import type { Command, Instant, InterpreterEvent } from '@dunflow/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateOf, parseInstant } from './calendar';
import { at, CONTEXT, days, definitionOf, node } from './interpreter-fixtures';
import { startRun, stepRun } from './interpreter';
import type { RunState } from './run-state';

/** A scenario with every node kind, a loop through a wait, and each awaited event. */
const EVERYTHING = definitionOf([
  node.trigger('t', 'w1', 'overdue', 2),
  node.wait('w1', 'link', days(3), 'previous', 'business'),
  node.paymentLink('link', 'e1'),
  node.email('e1', 'reminder-1', 's'),
  node.switch('s', 'tiers', { large: 'call', small: 'listen' }),
  node.task('call', 'Call the customer', 'listen'),
  node.waitForEvent(
    'listen',
    { payment: 'thanks', promiseToPay: 'c', dispute: 'review' },
    days(5),
    'c',
  ),
  node.email('thanks', 'thank-you', 'c'),
  node.task('review', 'Review the dispute', 'c'),
  node.condition('c', 'w2', 'done'),
  node.wait('w2', 'e2', days(7), 'previous'),
  node.email('e2', 'reminder-2', 'w1'),
  node.end('done', 'escalated'),
]);

/** A driver move: respond to what the run waits for, or send an outside event. */
type Move =
  | { kind: 'answer'; hours: number; flag: boolean }
  | { kind: 'payment'; hours: number; amountMinor: number; reuseId: boolean }
  | { kind: 'promise'; hours: number; dayOffset: number }
  | { kind: 'simple'; hours: number; type: 'disputeOpened' | 'pause' | 'resume' | 'cancel' }
  | { kind: 'resolve'; hours: number; cancelInvoice: boolean }
  | { kind: 'stray'; hours: number; nodeId: string; timerId: string };

const hours = fc.integer({ min: 0, max: 24 * 12 });
const move: fc.Arbitrary<Move> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({ kind: fc.constant('answer' as const), hours, flag: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('payment' as const),
      hours,
      amountMinor: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 1, max: 3_000 }) },
        { weight: 1, arbitrary: fc.constant(10_000) },
      ),
      reuseId: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('promise' as const),
      hours,
      dayOffset: fc.integer({ min: -2, max: 20 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('simple' as const),
      hours,
      type: fc.constantFrom(
        'disputeOpened' as const,
        'pause' as const,
        'resume' as const,
        'cancel' as const,
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('resolve' as const),
      hours,
      cancelInvoice: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('stray' as const),
      hours,
      nodeId: fc.constantFrom('e1', 'c', 's', 'link', 'nope'),
      timerId: fc.constantFrom('w1#1', 'w2#1', 'listen#1', 'promise:1', 'x'),
    }),
  },
);

describe('interpreter properties', () => {
  it('never throws nor repeats a key or timer id', () => {
    fc.assert(
      fc.property(fc.array(move, { minLength: 5, maxLength: 80 }), (moves) => {
        const { commands } = replay(moves);
        const keys = commands.flatMap((command) =>
          isAction(command) ? [command.idempotencyKey] : [],
        );
        expect(new Set(keys).size).toBe(keys.length);
        const timers = commands.flatMap((command) =>
          command.type === 'startTimer' ? [command.timerId] : [],
        );
        expect(new Set(timers).size).toBe(timers.length);
      }),
      { numRuns: 400 },
    );
  });

  it('emits nothing but records after completion', () => {
    fc.assert(
      fc.property(fc.array(move, { minLength: 5, maxLength: 80 }), (moves) => {
        const { commands } = replay(moves);
        const completion = commands.findIndex((command) => command.type === 'complete');
        if (completion === -1) return;
        expect(commands.slice(completion + 1).every((command) => command.type === 'record')).toBe(
          true,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('gives equal states for the same events', () => {
    fc.assert(
      fc.property(fc.array(move, { minLength: 5, maxLength: 80 }), (moves) => {
        const first = replay(moves);
        const second = replay(moves);
        expect(second.state).toEqual(first.state);
        expect(second.commands).toEqual(first.commands);
      }),
      { numRuns: 100 },
    );
  });
});

/** Drives a run through the moves. Each event takes the time of its move. */
function replay(moves: Move[]): { state: RunState; commands: Command[] } {
  const start = startRun(EVERYTHING, CONTEXT, at('2026-02-25'));
  let state = start.state;
  const commands = [...start.commands];
  let now = parseInstant(state.updatedAt);
  let paymentCount = 0;
  for (const next of moves) {
    now += next.hours * 3_600_000;
    const event = eventFor(next, state, toInstant(now), paymentCount);
    if (event === undefined) continue;
    if (event.type === 'payment') paymentCount += 1;
    now = Math.max(now, parseInstant(event.at));
    const transition = stepRun(EVERYTHING, state, event);
    state = transition.state;
    commands.push(...transition.commands);
  }
  return { state, commands };
}

function eventFor(
  next: Move,
  state: RunState,
  now: Instant,
  paymentCount: number,
): InterpreterEvent | undefined {
  switch (next.kind) {
    case 'answer':
      return answerFor(state, now, next.flag);
    case 'payment': {
      const paymentId = next.reuseId && paymentCount > 0 ? 'P0' : `P${paymentCount}`;
      return { type: 'payment', at: now, paymentId, amountMinor: next.amountMinor };
    }
    case 'promise':
      return { type: 'promiseToPay', at: now, promisedDate: addDays(dateOf(now), next.dayOffset) };
    case 'simple':
      return { type: next.type, at: now };
    case 'resolve':
      return {
        type: 'disputeResolved',
        at: now,
        resolution: next.cancelInvoice ? 'cancelInvoice' : 'resume',
      };
    case 'stray':
      return next.timerId === 'x'
        ? { type: 'actionCompleted', at: now, nodeId: next.nodeId, output: {} }
        : { type: 'timerFired', at: now, timerId: next.timerId };
  }
}

/** Returns the event a well-behaved driver sends next: the fired timer or the awaited result. */
function answerFor(state: RunState, now: Instant, flag: boolean): InterpreterEvent | undefined {
  const position = state.position;
  if (position.kind === 'timer' && position.suspendedAt === undefined) {
    const when = parseInstant(position.at) > parseInstant(now) ? position.at : now;
    return { type: 'timerFired', at: when, timerId: position.timerId };
  }
  if (position.kind === 'evaluation' && position.nodeId === 'c') {
    return { type: 'conditionEvaluated', at: now, nodeId: 'c', result: flag };
  }
  if (position.kind === 'evaluation') {
    return {
      type: 'segmentEvaluated',
      at: now,
      nodeId: position.nodeId,
      segmentId: flag ? 'large' : 'other',
    };
  }
  if (position.kind === 'action') {
    return {
      type: 'actionCompleted',
      at: now,
      nodeId: position.nodeId,
      output: { paymentLink: 'https://pay' },
    };
  }
  if (state.promise !== undefined) {
    return {
      type: 'timerFired',
      at: later(state.promise.deadline, now),
      timerId: state.promise.timerId,
    };
  }
  return undefined;
}

function isAction(command: Command): command is Extract<Command, { idempotencyKey: string }> {
  return (
    command.type === 'sendEmail' ||
    command.type === 'createPaymentLink' ||
    command.type === 'createTask'
  );
}

function later(a: Instant, b: Instant): Instant {
  return parseInstant(a) > parseInstant(b) ? a : b;
}

function toInstant(ms: number): Instant {
  return new Date(ms).toISOString();
}
