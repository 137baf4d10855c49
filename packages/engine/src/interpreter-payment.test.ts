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

describe('payments', () => {
  it('end the run as paid when the invoice is paid in full', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    const commands = run.send({
      type: 'payment',
      at: at('2026-03-06', '14:00:00'),
      paymentId: 'P1',
      amountMinor: 10_000,
    });

    expect(sideEffects(commands)).toEqual([
      { type: 'cancelTimer', timerId: 'w1#1' },
      { type: 'complete', outcome: 'paid' },
    ]);
    expect(recordTypes(commands)).toEqual(['payment.received', 'run.completed']);
    expect(run.state.openAmountMinor).toBe(0);
    expect(run.state.outcome).toBe('paid');
  });

  it('restart the pending wait from a partial payment', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    const commands = run.send({
      type: 'payment',
      at: at('2026-03-06', '14:00:00'),
      paymentId: 'P1',
      amountMinor: 4_000,
    });

    // The wait of 10 days restarts on 6 March at 14:00 and replaces the timer of 12 March.
    expect(sideEffects(commands)).toEqual([
      { type: 'cancelTimer', timerId: 'w1#1' },
      { type: 'startTimer', timerId: 'w1#1/1', at: '2026-03-16T14:00:00.000Z' },
    ]);
    expect(run.state.openAmountMinor).toBe(6_000);

    // The next wait counts from the restarted one.
    run.fireTimer();
    expect(run.complete(at('2026-03-16', '14:00:01'))).toEqual([
      expect.objectContaining({ type: 'record' }),
      { type: 'startTimer', timerId: 'w2#1', at: '2026-03-30T14:00:00.000Z' },
    ]);
  });

  it('ignore the old timer once it was replaced', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    run.send({ type: 'payment', at: at('2026-03-06'), paymentId: 'P1', amountMinor: 4_000 });
    const stale = run.send({ type: 'timerFired', at: at('2026-03-12'), timerId: 'w1#1' });

    expect(stale).toEqual([
      {
        type: 'record',
        event: {
          type: 'event.ignored',
          at: at('2026-03-12'),
          data: { eventType: 'timerFired', reason: "timer 'w1#1' is not pending", timerId: 'w1#1' },
        },
      },
    ]);
  });

  it('never bring a reminder forward', () => {
    // The wait ends 10 days after the due date. Restarting it from a payment 5 days before the
    // due date would end it 5 days after the due date, which is earlier, so the timer stays.
    const early = definitionOf([
      node.trigger('t', 'w1', 'onImport'),
      node.wait('w1', 'done', days(10)),
      node.end('done'),
    ]);
    const run = new RunHarness(early, at('2026-02-20'));
    const commands = run.send({
      type: 'payment',
      at: at('2026-02-25'),
      paymentId: 'P1',
      amountMinor: 1,
    });
    expect(sideEffects(commands)).toEqual([]);
    expect(run.state.position).toMatchObject({ timerId: 'w1#1', at: '2026-03-12T00:00:00.000Z' });
  });

  it('count a payment delivered twice once', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    run.send({ type: 'payment', at: at('2026-03-06'), paymentId: 'P1', amountMinor: 4_000 });
    const before = run.state;
    const again = run.send({
      type: 'payment',
      at: at('2026-03-06'),
      paymentId: 'P1',
      amountMinor: 4_000,
    });

    expect(recordTypes(again)).toEqual(['event.ignored']);
    expect(run.state).toBe(before);
    expect(run.state.openAmountMinor).toBe(6_000);
  });

  it('sum partial payments up to full payment', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    run.send({ type: 'payment', at: at('2026-03-04'), paymentId: 'P1', amountMinor: 4_000 });
    const last = run.send({
      type: 'payment',
      at: at('2026-03-05'),
      paymentId: 'P2',
      amountMinor: 7_000,
    });
    expect(sideEffects(last)).toEqual([
      { type: 'cancelTimer', timerId: 'w1#1/1' },
      { type: 'complete', outcome: 'paid' },
    ]);
  });

  it('follow the payment branch of a wait for event', () => {
    const flow = definitionOf([
      node.trigger('t', 'listen', 'onImport'),
      node.waitForEvent('listen', { payment: 'thanks' }, days(7), 'done'),
      node.email('thanks', 'thank-you', 'done'),
      node.end('done'),
    ]);
    const run = new RunHarness(flow, at('2026-03-02'));
    const commands = run.send({
      type: 'payment',
      at: at('2026-03-03'),
      paymentId: 'P1',
      amountMinor: 500,
    });

    expect(sideEffects(commands)).toEqual([
      { type: 'cancelTimer', timerId: 'listen#1' },
      {
        type: 'sendEmail',
        nodeId: 'thanks',
        idempotencyKey: 'INV-1:thanks:1',
        template: 'thank-you',
        variables: {},
      },
    ]);
    expect(recordTypes(commands)).toEqual(['payment.received', 'event.awaited', 'node.entered']);
  });

  it('restart a timeout that does not await payments', () => {
    const flow = definitionOf([
      node.trigger('t', 'listen', 'onImport'),
      node.waitForEvent('listen', { dispute: 'done' }, days(7), 'done'),
      node.end('done'),
    ]);
    const run = new RunHarness(flow, at('2026-03-02'));
    const commands = run.send({
      type: 'payment',
      at: at('2026-03-04'),
      paymentId: 'P1',
      amountMinor: 500,
    });
    expect(sideEffects(commands)).toEqual([
      { type: 'cancelTimer', timerId: 'listen#1' },
      { type: 'startTimer', timerId: 'listen#1/1', at: '2026-03-11T00:00:00.000Z' },
    ]);
  });

  it('move a paused wait so the full interval follows the resume', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    run.send({ type: 'pause', at: at('2026-03-04') });
    const payment = run.send({
      type: 'payment',
      at: at('2026-03-06'),
      paymentId: 'P1',
      amountMinor: 500,
    });
    expect(sideEffects(payment)).toEqual([]);

    const resumed = run.send({ type: 'resume', at: at('2026-03-08') });
    expect(sideEffects(resumed)).toEqual([
      { type: 'startTimer', timerId: 'w1#1/1', at: '2026-03-18T00:00:00.000Z' },
    ]);
  });
});
