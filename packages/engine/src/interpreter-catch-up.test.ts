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

/** Day 3 e-mail, day 10 e-mail, day 30 letter, counted from the due date (2 March 2026). */
const THREE_STEPS = definitionOf([
  node.trigger('t', 'w3'),
  node.wait('w3', 'e3', days(3)),
  node.email('e3', 'reminder-1', 'w10'),
  node.wait('w10', 'e10', days(10)),
  node.email('e10', 'reminder-2', 'w30'),
  node.wait('w30', 'letter', days(30)),
  node.task('letter', 'Send a formal letter', 'done'),
  node.end('done'),
]);

describe('catch-up', () => {
  it('sends only the latest step for an invoice entering 20 days late', () => {
    const run = new RunHarness(THREE_STEPS, at('2026-03-22', '09:00:00'));

    expect(run.lastCommands).toEqual([
      record('run.started', undefined, {
        definitionHash: THREE_STEPS.hash,
        invoiceId: 'INV-1',
        dueDate: '2026-03-02',
        openAmountMinor: 10_000,
      }),
      record('node.entered', 't', { nodeType: 'trigger', occurrence: 1 }),
      record('node.entered', 'w3', { nodeType: 'wait', occurrence: 1 }),
      record('wait.passed', 'w3', { target: '2026-03-05T00:00:00.000Z' }),
      record('node.entered', 'e3', { nodeType: 'sendEmail', occurrence: 1 }),
      record('node.entered', 'w10', { nodeType: 'wait', occurrence: 1 }),
      record('action.skipped', 'e3', {
        actionType: 'sendEmail',
        idempotencyKey: 'INV-1:e3:1',
        reason: "wait 'w10' had already passed (2026-03-12T00:00:00.000Z) when the run reached it",
      }),
      record('wait.passed', 'w10', { target: '2026-03-12T00:00:00.000Z' }),
      record('node.entered', 'e10', { nodeType: 'sendEmail', occurrence: 1 }),
      record('node.entered', 'w30', { nodeType: 'wait', occurrence: 1 }),
      {
        type: 'sendEmail',
        nodeId: 'e10',
        idempotencyKey: 'INV-1:e10:1',
        template: 'reminder-2',
        variables: {},
      },
    ]);

    // Once the held e-mail is sent, the run waits for day 30 without entering w30 again.
    expect(run.complete(at('2026-03-22', '09:00:01'))).toEqual([
      { type: 'startTimer', timerId: 'w30#1', at: '2026-04-01T00:00:00.000Z' },
    ]);
    expect(sideEffects(run.fireTimer())).toEqual([
      {
        type: 'createTask',
        nodeId: 'letter',
        idempotencyKey: 'INV-1:letter:1',
        title: 'Send a formal letter',
        dueInDays: 2,
      },
    ]);
    expect(run.state.actions.map((entry) => [entry.nodeId, entry.outcome])).toEqual([
      ['e3', 'skipped'],
      ['e10', 'completed'],
      ['letter', 'pending'],
    ]);
  });

  it('anchors previous-step waits on the time skipped steps would have happened', () => {
    const chained = definitionOf([
      node.trigger('t', 'w3'),
      node.wait('w3', 'e3', days(3), 'previous'),
      node.email('e3', 'reminder-1', 'w10'),
      node.wait('w10', 'e10', days(7), 'previous'),
      node.email('e10', 'reminder-2', 'w30'),
      node.wait('w30', 'letter', days(20), 'previous'),
      node.task('letter', 'Send a formal letter', 'done'),
      node.end('done'),
    ]);
    const run = new RunHarness(chained, at('2026-03-22', '09:00:00'));

    expect(sideEffects(run.lastCommands)).toEqual([
      {
        type: 'sendEmail',
        nodeId: 'e10',
        idempotencyKey: 'INV-1:e10:1',
        template: 'reminder-2',
        variables: {},
      },
    ]);
    expect(run.complete(at('2026-03-22', '09:00:01'))).toEqual([
      { type: 'startTimer', timerId: 'w30#1', at: '2026-04-01T00:00:00.000Z' },
    ]);
  });

  it('carries out held actions in order before an end', () => {
    const flow = definitionOf([
      node.trigger('t', 'w'),
      node.wait('w', 'link', days(3)),
      node.paymentLink('link', 'e'),
      node.email('e', 'reminder', 'done'),
      node.end('done'),
    ]);
    const run = new RunHarness(flow, at('2026-03-22'));
    expect(sideEffects(run.lastCommands)).toEqual([
      { type: 'createPaymentLink', nodeId: 'link', idempotencyKey: 'INV-1:link:1' },
    ]);

    const link = { paymentLink: 'https://pay.example/INV-1' };
    expect(sideEffects(run.complete(at('2026-03-22', '00:00:01'), link))).toEqual([
      {
        type: 'sendEmail',
        nodeId: 'e',
        idempotencyKey: 'INV-1:e:1',
        template: 'reminder',
        variables: link,
      },
    ]);
    const last = run.complete(at('2026-03-22', '00:00:02'));
    expect(sideEffects(last)).toEqual([{ type: 'complete', outcome: 'completed' }]);
    expect(recordTypes(last)).toEqual(['run.completed']);
  });

  it('carries out held actions before a wait for event', () => {
    const flow = definitionOf([
      node.trigger('t', 'e'),
      node.email('e', 'reminder', 'listen'),
      node.waitForEvent('listen', { payment: 'done' }, days(5), 'done'),
      node.end('done'),
    ]);
    // Entering after the trigger's time counts as a passed wait, so the e-mail is held.
    const run = new RunHarness(flow, at('2026-03-04'));
    expect(sideEffects(run.lastCommands)).toEqual([
      {
        type: 'sendEmail',
        nodeId: 'e',
        idempotencyKey: 'INV-1:e:1',
        template: 'reminder',
        variables: {},
      },
    ]);
    expect(run.complete(at('2026-03-04', '00:00:05'))).toEqual([
      { type: 'startTimer', timerId: 'listen#1', at: '2026-03-09T00:00:05.000Z' },
    ]);
  });

  it('still evaluates conditions on the way', () => {
    const flow = definitionOf([
      node.trigger('t', 'w3'),
      node.wait('w3', 'e3', days(3)),
      node.email('e3', 'reminder-1', 'c'),
      node.condition('c', 'w10', 'done'),
      node.wait('w10', 'e10', days(10)),
      node.email('e10', 'reminder-2', 'w30'),
      node.wait('w30', 'done', days(30)),
      node.end('done'),
    ]);
    const run = new RunHarness(flow, at('2026-03-22'));
    expect(sideEffects(run.lastCommands)).toEqual([
      { type: 'evaluateCondition', nodeId: 'c', idempotencyKey: 'INV-1:c:1' },
    ]);

    const commands = run.send({
      type: 'conditionEvaluated',
      at: at('2026-03-22'),
      nodeId: 'c',
      result: true,
    });
    expect(recordTypes(commands)).toContain('action.skipped');
    expect(sideEffects(commands)).toEqual([
      {
        type: 'sendEmail',
        nodeId: 'e10',
        idempotencyKey: 'INV-1:e10:1',
        template: 'reminder-2',
        variables: {},
      },
    ]);
  });

  it('leaves a run that enters on time alone', () => {
    const run = new RunHarness(THREE_STEPS, at('2026-03-02'));
    expect(sideEffects(run.lastCommands)).toEqual([
      { type: 'startTimer', timerId: 'w3#1', at: '2026-03-05T00:00:00.000Z' },
    ]);
    expect(run.state.catchingUp).toBe(false);
  });

  it('catches up through a loop without skipping the last pass', () => {
    const loop = definitionOf([
      node.trigger('t', 'w'),
      node.wait('w', 'e', days(7), 'previous'),
      node.email('e', 'reminder', 'w'),
    ]);
    // 100 days late: 14 passes are due, only the 14th e-mail goes out.
    const run = new RunHarness(loop, at('2026-06-10'));
    const skipped = run.state.actions.filter((entry) => entry.outcome === 'skipped');

    expect(skipped).toHaveLength(13);
    expect(sideEffects(run.lastCommands)).toEqual([
      {
        type: 'sendEmail',
        nodeId: 'e',
        idempotencyKey: 'INV-1:e:14',
        template: 'reminder',
        variables: {},
      },
    ]);
    expect(run.complete(at('2026-06-10', '00:00:01'))).toEqual([
      { type: 'startTimer', timerId: 'w#15', at: '2026-06-15T00:00:00.000Z' },
    ]);
  });
});

function record(type: string, nodeId: string | undefined, data: Record<string, unknown>) {
  const at = '2026-03-22T09:00:00.000Z';
  const event = nodeId === undefined ? { type, at, data } : { type, nodeId, at, data };
  return { type: 'record', event };
}
