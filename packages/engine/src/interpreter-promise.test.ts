import { describe, expect, it } from 'vitest';
import {
  at,
  days,
  definitionOf,
  node,
  recordTypes,
  RunHarness,
  sideEffects,
} from './interpreter-fixtures';

const REMINDERS = definitionOf([
  node.trigger('t', 'w1'),
  node.wait('w1', 'e1', days(10)),
  node.email('e1', 'reminder-1', 'w2'),
  node.wait('w2', 'e2', days(14), 'previous'),
  node.email('e2', 'reminder-2', 'done'),
  node.end('done'),
]);

describe('promise to pay', () => {
  it('pauses the run until the end of the promised date', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    const commands = run.send({
      type: 'promiseToPay',
      at: at('2026-03-06'),
      promisedDate: '2026-03-10',
    });

    expect(sideEffects(commands)).toEqual([
      { type: 'startTimer', timerId: 'promise:1', at: '2026-03-11T00:00:00.000Z' },
      { type: 'cancelTimer', timerId: 'w1#1' },
    ]);
    expect(recordTypes(commands)).toEqual(['promise.made', 'run.paused']);
    expect(run.state.status).toBe('paused');
    expect(run.state.pausedFor).toEqual(['promise']);
  });

  it('is kept when the invoice is paid in full by then', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    run.send({ type: 'promiseToPay', at: at('2026-03-06'), promisedDate: '2026-03-10' });
    const commands = run.send({
      type: 'payment',
      at: at('2026-03-10', '16:00:00'),
      paymentId: 'P1',
      amountMinor: 10_000,
    });

    expect(recordTypes(commands)).toEqual(['payment.received', 'promise.kept', 'run.completed']);
    expect(sideEffects(commands)).toEqual([
      { type: 'cancelTimer', timerId: 'promise:1' },
      { type: 'complete', outcome: 'paid' },
    ]);
    expect(run.state.promisesKept).toBe(1);
    expect(run.state.promisesBroken).toBe(0);
  });

  it('is broken when the date passes, and the run resumes where it was', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    run.send({ type: 'promiseToPay', at: at('2026-03-06'), promisedDate: '2026-03-08' });
    const commands = run.send({ type: 'timerFired', at: at('2026-03-09'), timerId: 'promise:1' });

    expect(recordTypes(commands)).toEqual(['promise.broken', 'run.resumed']);
    // The wait keeps its first target, 12 March, which is still ahead.
    expect(sideEffects(commands)).toEqual([
      { type: 'startTimer', timerId: 'w1#1/1', at: '2026-03-12T00:00:00.000Z' },
    ]);
    expect(run.state.promisesBroken).toBe(1);
    expect(run.state.status).toBe('running');
  });

  it('resumes with catch-up when the wait passed during the promise', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    run.send({ type: 'promiseToPay', at: at('2026-03-06'), promisedDate: '2026-03-20' });
    const commands = run.send({ type: 'timerFired', at: at('2026-03-21'), timerId: 'promise:1' });

    // w1 passed on 12 March; w2 counts 14 days from then, to 26 March, so e1 goes out now.
    expect(recordTypes(commands)).toEqual([
      'promise.broken',
      'run.resumed',
      'wait.passed',
      'node.entered',
      'node.entered',
    ]);
    expect(sideEffects(commands)).toEqual([
      {
        type: 'sendEmail',
        nodeId: 'e1',
        idempotencyKey: 'INV-1:e1:1',
        template: 'reminder-1',
        variables: {},
      },
    ]);
    expect(run.complete(at('2026-03-21', '00:00:01'))).toEqual([
      { type: 'startTimer', timerId: 'w2#1', at: '2026-03-26T00:00:00.000Z' },
    ]);
  });

  it('replaces a pending promise', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    run.send({ type: 'promiseToPay', at: at('2026-03-06'), promisedDate: '2026-03-08' });
    const commands = run.send({
      type: 'promiseToPay',
      at: at('2026-03-07'),
      promisedDate: '2026-03-15',
    });

    expect(sideEffects(commands)).toEqual([
      { type: 'cancelTimer', timerId: 'promise:1' },
      { type: 'startTimer', timerId: 'promise:2', at: '2026-03-16T00:00:00.000Z' },
    ]);
    expect(commands[2]).toMatchObject({
      event: { type: 'promise.made', data: { replaces: '2026-03-08' } },
    });
    expect(run.state.pausedFor).toEqual(['promise']);
  });

  it('ignores a promised date that has passed', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    const before = run.state;
    const commands = run.send({
      type: 'promiseToPay',
      at: at('2026-03-06'),
      promisedDate: '2026-03-05',
    });
    expect(recordTypes(commands)).toEqual(['event.ignored']);
    expect(run.state).toBe(before);
  });

  it('follows the promise branch of a wait for event without pausing', () => {
    const flow = definitionOf([
      node.trigger('t', 'listen', 'onImport'),
      node.waitForEvent('listen', { promiseToPay: 'confirm' }, days(7), 'done'),
      node.email('confirm', 'promise-confirmation', 'done'),
      node.end('done'),
    ]);
    const run = new RunHarness(flow, at('2026-03-02'));
    const commands = run.send({
      type: 'promiseToPay',
      at: at('2026-03-03'),
      promisedDate: '2026-03-05',
    });

    expect(sideEffects(commands)).toEqual([
      { type: 'startTimer', timerId: 'promise:1', at: '2026-03-06T00:00:00.000Z' },
      { type: 'cancelTimer', timerId: 'listen#1' },
      {
        type: 'sendEmail',
        nodeId: 'confirm',
        idempotencyKey: 'INV-1:confirm:1',
        template: 'promise-confirmation',
        variables: {},
      },
    ]);
    expect(run.state.status).toBe('running');
  });
});
