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
  node.email('e1', 'reminder-1', 'done'),
  node.end('done'),
]);

describe('disputes', () => {
  it('pause the run and keep the remaining time of the wait', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    const opened = run.send({
      type: 'disputeOpened',
      at: at('2026-03-06', '12:00:00'),
      reason: 'wrong price',
    });
    expect(sideEffects(opened)).toEqual([{ type: 'cancelTimer', timerId: 'w1#1' }]);
    expect(recordTypes(opened)).toEqual(['dispute.opened', 'run.paused']);

    // 5 days and 12 hours were left when the dispute opened.
    const resolved = run.send({
      type: 'disputeResolved',
      at: at('2026-03-20'),
      resolution: 'resume',
    });
    expect(recordTypes(resolved)).toEqual(['dispute.resolved', 'run.resumed']);
    expect(sideEffects(resolved)).toEqual([
      { type: 'startTimer', timerId: 'w1#1/1', at: '2026-03-25T12:00:00.000Z' },
    ]);
  });

  it('end the run when the invoice is cancelled', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    run.send({ type: 'disputeOpened', at: at('2026-03-06') });
    const resolved = run.send({
      type: 'disputeResolved',
      at: at('2026-03-20'),
      resolution: 'cancelInvoice',
    });
    expect(sideEffects(resolved)).toEqual([{ type: 'complete', outcome: 'invoiceCancelled' }]);
  });

  it('hold the run after an action under way completes', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    run.fireTimer();
    run.send({ type: 'disputeOpened', at: at('2026-03-12', '00:00:01') });
    const completed = run.complete(at('2026-03-12', '00:00:02'));
    expect(sideEffects(completed)).toEqual([]);
    expect(run.state.position).toEqual({ kind: 'halted', next: { nodeId: 'done', mode: 'enter' } });

    const resolved = run.send({
      type: 'disputeResolved',
      at: at('2026-03-15'),
      resolution: 'resume',
    });
    expect(sideEffects(resolved)).toEqual([{ type: 'complete', outcome: 'completed' }]);
  });

  it('keep the interval of a wait reached after the pause', () => {
    const flow = definitionOf([
      node.trigger('t', 'e', 'onImport'),
      node.email('e', 'reminder', 'w'),
      node.wait('w', 'done', days(7), 'previous'),
      node.end('done'),
    ]);
    const run = new RunHarness(flow, at('2026-03-02'));
    run.send({ type: 'disputeOpened', at: at('2026-03-02', '01:00:00') });
    run.complete(at('2026-03-02', '02:00:00'));
    const resolved = run.send({
      type: 'disputeResolved',
      at: at('2026-03-12'),
      resolution: 'resume',
    });

    // One hour of the 7 days after the e-mail had passed when the dispute opened.
    expect(sideEffects(resolved)).toEqual([
      { type: 'startTimer', timerId: 'w#1', at: '2026-03-18T23:00:00.000Z' },
    ]);
  });

  it('follow the dispute branch of a wait for event', () => {
    const flow = definitionOf([
      node.trigger('t', 'listen', 'onImport'),
      node.waitForEvent('listen', { dispute: 'review' }, days(7), 'done'),
      node.task('review', 'Review the dispute', 'done'),
      node.end('done'),
    ]);
    const run = new RunHarness(flow, at('2026-03-02'));
    const commands = run.send({ type: 'disputeOpened', at: at('2026-03-03') });
    expect(sideEffects(commands)).toEqual([
      { type: 'cancelTimer', timerId: 'listen#1' },
      {
        type: 'createTask',
        nodeId: 'review',
        idempotencyKey: 'INV-1:review:1',
        title: 'Review the dispute',
        dueInDays: 2,
      },
    ]);
    expect(run.state.status).toBe('running');
    expect(run.state.disputeOpen).toBe(true);
  });
});

describe('manual pause', () => {
  it('keeps the remaining time of the wait', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    expect(sideEffects(run.send({ type: 'pause', at: at('2026-03-10') }))).toEqual([
      { type: 'cancelTimer', timerId: 'w1#1' },
    ]);
    expect(sideEffects(run.send({ type: 'resume', at: at('2026-04-01') }))).toEqual([
      { type: 'startTimer', timerId: 'w1#1/1', at: '2026-04-03T00:00:00.000Z' },
    ]);
  });

  it('waits for every pause to end', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    run.send({ type: 'pause', at: at('2026-03-04') });
    run.send({ type: 'disputeOpened', at: at('2026-03-05') });
    const resolved = run.send({
      type: 'disputeResolved',
      at: at('2026-03-06'),
      resolution: 'resume',
    });

    expect(recordTypes(resolved)).toEqual(['dispute.resolved', 'pause.released']);
    expect(sideEffects(resolved)).toEqual([]);
    expect(run.state.status).toBe('paused');

    const resumed = run.send({ type: 'resume', at: at('2026-03-07') });
    expect(sideEffects(resumed)).toEqual([
      { type: 'startTimer', timerId: 'w1#1/1', at: '2026-03-15T00:00:00.000Z' },
    ]);
  });
});

describe('cancel', () => {
  it('ends the run as cancelled and stops its timer', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    const commands = run.send({
      type: 'cancel',
      at: at('2026-03-04'),
      reason: 'sold to an agency',
    });
    expect(sideEffects(commands)).toEqual([
      { type: 'cancelTimer', timerId: 'w1#1' },
      { type: 'complete', outcome: 'cancelled' },
    ]);
    expect(recordTypes(commands)).toEqual(['run.cancelled', 'run.completed']);
  });
});

describe('ignored events', () => {
  const cases = [
    {
      name: 'resume when not paused',
      event: { type: 'resume', at: at('2026-03-04') },
      reason: 'the run is not paused',
    },
    {
      name: 'second start',
      event: { type: 'start', at: at('2026-03-04') },
      reason: 'the run has already started',
    },
    {
      name: 'resolution without a dispute',
      event: { type: 'disputeResolved', at: at('2026-03-04'), resolution: 'resume' },
      reason: 'no dispute is open',
    },
    {
      name: 'condition result nobody asked for',
      event: { type: 'conditionEvaluated', at: at('2026-03-04'), nodeId: 'c', result: true },
      reason: "the run is not waiting for condition 'c'",
    },
    {
      name: 'completion of an action not sent',
      event: { type: 'actionCompleted', at: at('2026-03-04'), nodeId: 'e1', output: {} },
      reason: "the run is not waiting for action 'e1'",
    },
    {
      name: 'unknown timer',
      event: { type: 'timerFired', at: at('2026-03-04'), timerId: 'w9#1' },
      reason: "timer 'w9#1' is not pending",
    },
    {
      name: 'event from the past',
      event: { type: 'pause', at: at('2026-03-01') },
      reason:
        "event time 2026-03-01T00:00:00.000Z is before the run's last event at 2026-03-02T00:00:00.000Z",
    },
  ] as const;

  it.each(cases)('$name leaves the state unchanged', ({ event, reason }) => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    const before = run.state;
    const commands = run.send(event);

    expect(run.state).toBe(before);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatchObject({
      type: 'record',
      event: { type: 'event.ignored', data: { reason } },
    });
  });

  it('ignores a resume while a dispute holds the run', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    run.send({ type: 'disputeOpened', at: at('2026-03-03') });
    const commands = run.send({ type: 'resume', at: at('2026-03-04') });
    expect(commands[0]).toMatchObject({
      event: { data: { reason: 'the run is not paused manually; it waits for: dispute' } },
    });
  });

  it('ignores everything after completion', () => {
    const run = new RunHarness(REMINDERS, at('2026-03-02'));
    run.send({ type: 'cancel', at: at('2026-03-03') });
    const completed = run.state;
    for (const event of [
      { type: 'payment', at: at('2026-03-04'), paymentId: 'P1', amountMinor: 10 },
      { type: 'pause', at: at('2026-03-04') },
      { type: 'timerFired', at: at('2026-03-12'), timerId: 'w1#1' },
    ] as const) {
      const commands = run.send(event);
      expect(recordTypes(commands)).toEqual(['event.ignored']);
      expect(run.state).toBe(completed);
    }
  });
});
