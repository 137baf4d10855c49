import { describe, expect, it } from 'vitest';
import { at, days, definitionOf, node, RunHarness } from './interpreter-fixtures';
import { describeRun } from './run-view';

const FLOW = definitionOf([
  node.trigger('t', 'w1'),
  node.wait('w1', 'w2', days(3)),
  node.wait('w2', 'e1', days(2), 'previous'),
  node.email('e1', 'reminder-1', 'c'),
  node.condition('c', 'done', 'done'),
  node.end('done'),
]);

describe('describeRun', () => {
  it('shows the next action past the waits ahead', () => {
    const run = new RunHarness(FLOW, at('2026-03-02'));
    const view = describeRun(FLOW, run.state);

    expect(view.status).toBe('running');
    expect(view.currentNodeId).toBe('w1');
    expect(view.nextAction).toEqual({
      nodeId: 'e1',
      type: 'sendEmail',
      at: '2026-03-07T00:00:00.000Z',
    });
    expect(view.openAmountMinor).toBe(10_000);
    expect(view.actions).toEqual([]);
  });

  it('shows the action under way and the actions taken', () => {
    const run = new RunHarness(FLOW, at('2026-03-02'));
    run.fireTimer();
    run.fireTimer();
    const view = describeRun(FLOW, run.state);

    expect(view.currentNodeId).toBe('e1');
    expect(view.nextAction).toEqual({
      nodeId: 'e1',
      type: 'sendEmail',
      at: '2026-03-07T00:00:00.000Z',
    });
    expect(view.actions).toEqual([
      {
        nodeId: 'e1',
        type: 'sendEmail',
        idempotencyKey: 'INV-1:e1:1',
        at: '2026-03-07T00:00:00.000Z',
        outcome: 'pending',
      },
    ]);
  });

  it('shows the promised date and its deadline while paused for it', () => {
    const run = new RunHarness(FLOW, at('2026-03-02'));
    run.send({ type: 'promiseToPay', at: at('2026-03-03'), promisedDate: '2026-03-10' });
    const view = describeRun(FLOW, run.state);

    expect(view.status).toBe('paused');
    expect(view.pausedFor).toEqual(['promise']);
    expect(view.promisedDate).toBe('2026-03-10');
    expect(view.nextAction).toEqual({
      nodeId: 'w1',
      type: 'promiseDeadline',
      at: '2026-03-11T00:00:00.000Z',
    });
  });

  it('shows nothing next while paused by hand', () => {
    const run = new RunHarness(FLOW, at('2026-03-02'));
    run.send({ type: 'pause', at: at('2026-03-03') });
    expect(describeRun(FLOW, run.state).nextAction).toBeUndefined();
  });

  it('shows the outcome of a completed run', () => {
    const run = new RunHarness(FLOW, at('2026-03-02'));
    run.send({ type: 'payment', at: at('2026-03-03'), paymentId: 'P1', amountMinor: 10_000 });
    const view = describeRun(FLOW, run.state);

    expect(view.status).toBe('completed');
    expect(view.outcome).toBe('paid');
    expect(view.openAmountMinor).toBe(0);
    expect(view.nextAction).toBeUndefined();
  });

  it('survives a round trip through JSON', () => {
    const run = new RunHarness(FLOW, at('2026-03-02'));
    const stored = JSON.parse(JSON.stringify(run.state)) as typeof run.state;
    expect(describeRun(FLOW, stored)).toEqual(describeRun(FLOW, run.state));
  });
});
