import { describe, expect, it } from 'vitest';
import {
  at,
  CONTEXT,
  days,
  definitionOf,
  node,
  recordTypes,
  RunHarness,
  sideEffects,
} from './interpreter-fixtures';
import { startRun, stepRun } from './interpreter';
import { InterpreterError } from './interpreter-error';

const STRAIGHT = definitionOf([
  node.trigger('t', 'w1'),
  node.wait('w1', 'link', days(3)),
  node.paymentLink('link', 'e1'),
  node.email('e1', 'reminder-1', 'w2'),
  node.wait('w2', 'call', days(7), 'previous'),
  node.task('call', 'Call the customer', 'done'),
  node.end('done', 'escalated'),
]);

describe('startRun', () => {
  it('enters the trigger and waits for the first wait', () => {
    const { state, commands } = startRun(STRAIGHT, CONTEXT, at('2026-03-02'));

    expect(recordTypes(commands)).toEqual(['run.started', 'node.entered', 'node.entered']);
    expect(sideEffects(commands)).toEqual([
      { type: 'startTimer', timerId: 'w1#1', at: '2026-03-05T00:00:00.000Z' },
    ]);
    expect(state.status).toBe('running');
    expect(state.occurrences).toEqual({ t: 1, w1: 1 });
  });

  it('waits for an overdue trigger that lies ahead', () => {
    const late = definitionOf([node.trigger('t', 'done', 'overdue', 5), node.end('done')]);
    const { commands } = startRun(late, CONTEXT, at('2026-02-20'));
    expect(sideEffects(commands)).toEqual([
      { type: 'startTimer', timerId: 't#1', at: '2026-03-07T00:00:00.000Z' },
    ]);
  });

  it('waits for a before-due trigger that lies ahead', () => {
    const early = definitionOf([node.trigger('t', 'done', 'beforeDue', 3), node.end('done')]);
    const { commands } = startRun(early, CONTEXT, at('2026-02-20'));
    expect(sideEffects(commands)).toEqual([
      { type: 'startTimer', timerId: 't#1', at: '2026-02-27T00:00:00.000Z' },
    ]);
  });

  it('keys the actions of a restarted campaign apart from the first', () => {
    const onImport = definitionOf([
      node.trigger('t', 'e', 'onImport'),
      node.email('e', 'hello', 'done'),
      node.end('done'),
    ]);
    const { commands } = startRun(onImport, { ...CONTEXT, campaign: 2 }, at('2026-02-20'));
    const email = commands.find((command) => command.type === 'sendEmail');
    expect(email).toMatchObject({ idempotencyKey: 'INV-1:c2:e:1' });
  });

  it('enters an on-import trigger at once', () => {
    const onImport = definitionOf([
      node.trigger('t', 'e', 'onImport'),
      node.email('e', 'hello', 'done'),
      node.end('done'),
    ]);
    const { commands } = startRun(onImport, CONTEXT, at('2026-02-20', '10:00:00'));
    expect(sideEffects(commands)).toEqual([
      {
        type: 'sendEmail',
        nodeId: 'e',
        idempotencyKey: 'INV-1:e:1',
        template: 'hello',
        variables: {},
      },
    ]);
  });

  it('completes a run with nothing to pay as paid', () => {
    const { state, commands } = startRun(
      STRAIGHT,
      { ...CONTEXT, openAmountMinor: 0 },
      at('2026-03-02'),
    );
    expect(state.outcome).toBe('paid');
    expect(sideEffects(commands)).toEqual([{ type: 'complete', outcome: 'paid' }]);
  });

  it('rejects a definition whose trigger is missing', () => {
    const broken = { ...STRAIGHT, triggerNodeId: 'nope' };
    expect(() => startRun(broken, CONTEXT, at('2026-03-02'))).toThrow(InterpreterError);
  });
});

describe('stepRun', () => {
  it('runs a straight flow end to end', () => {
    const run = new RunHarness(STRAIGHT, at('2026-03-02'));

    expect(sideEffects(run.fireTimer())).toEqual([
      { type: 'createPaymentLink', nodeId: 'link', idempotencyKey: 'INV-1:link:1' },
    ]);
    const link = { paymentLink: 'https://pay.example/INV-1' };
    expect(sideEffects(run.complete(at('2026-03-05', '00:00:01'), link))).toEqual([
      {
        type: 'sendEmail',
        nodeId: 'e1',
        idempotencyKey: 'INV-1:e1:1',
        template: 'reminder-1',
        variables: link,
      },
    ]);
    // The previous step, the e-mail, happened when the wait w1 ended, on 5 March.
    expect(sideEffects(run.complete(at('2026-03-05', '00:00:02')))).toEqual([
      { type: 'startTimer', timerId: 'w2#1', at: '2026-03-12T00:00:00.000Z' },
    ]);
    expect(sideEffects(run.fireTimer())).toEqual([
      {
        type: 'createTask',
        nodeId: 'call',
        idempotencyKey: 'INV-1:call:1',
        title: 'Call the customer',
        dueInDays: 2,
      },
    ]);
    const last = run.complete(at('2026-03-12', '00:00:01'));

    expect(sideEffects(last)).toEqual([{ type: 'complete', outcome: 'escalated' }]);
    expect(recordTypes(last)).toEqual(['node.entered', 'run.completed']);
    expect(run.state.status).toBe('completed');
    expect(run.state.actions.map((entry) => [entry.nodeId, entry.outcome])).toEqual([
      ['link', 'completed'],
      ['e1', 'completed'],
      ['call', 'completed'],
    ]);
  });

  it('never changes the state it is given', () => {
    const { state } = startRun(STRAIGHT, CONTEXT, at('2026-03-02'));
    const before = JSON.stringify(state);
    stepRun(STRAIGHT, state, { type: 'timerFired', at: at('2026-03-05'), timerId: 'w1#1' });
    expect(JSON.stringify(state)).toBe(before);
  });

  it('rejects a definition other than the one the run started with', () => {
    const { state } = startRun(STRAIGHT, CONTEXT, at('2026-03-02'));
    const other = { ...STRAIGHT, hash: 'cd'.repeat(32) };
    const call = () => stepRun(other, state, { type: 'resume', at: at('2026-03-03') });
    expect(call).toThrow(/pass the definition the run started with/);
  });
});

describe('occurrences', () => {
  const LOOP = definitionOf([
    node.trigger('t', 'w'),
    node.wait('w', 'e', days(7), 'previous'),
    node.email('e', 'reminder', 'c'),
    node.condition('c', 'w', 'done'),
    node.end('done'),
  ]);

  it('count each pass through a loop in keys and timer ids', () => {
    const run = new RunHarness(LOOP, at('2026-03-02'));
    expect(sideEffects(run.lastCommands)).toEqual([
      { type: 'startTimer', timerId: 'w#1', at: '2026-03-09T00:00:00.000Z' },
    ]);

    const keys: string[] = [];
    for (let pass = 1; pass <= 3; pass += 1) {
      const [email] = sideEffects(run.fireTimer());
      if (email?.type === 'sendEmail') keys.push(email.idempotencyKey);
      const evaluation = sideEffects(run.complete(run.state.updatedAt));
      expect(evaluation).toEqual([
        { type: 'evaluateCondition', nodeId: 'c', idempotencyKey: `INV-1:c:${pass}` },
      ]);
      run.send({ type: 'conditionEvaluated', at: run.state.updatedAt, nodeId: 'c', result: true });
    }

    expect(keys).toEqual(['INV-1:e:1', 'INV-1:e:2', 'INV-1:e:3']);
    expect(sideEffects(run.lastCommands)).toEqual([
      { type: 'startTimer', timerId: 'w#4', at: '2026-03-30T00:00:00.000Z' },
    ]);
    expect(run.state.occurrences).toEqual({ t: 1, w: 4, e: 3, c: 3 });
  });

  it('leave the loop on a false condition', () => {
    const run = new RunHarness(LOOP, at('2026-03-02'));
    run.fireTimer();
    run.complete(at('2026-03-09'));
    const last = run.send({
      type: 'conditionEvaluated',
      at: at('2026-03-09'),
      nodeId: 'c',
      result: false,
    });
    expect(sideEffects(last)).toEqual([{ type: 'complete', outcome: 'completed' }]);
  });
});

describe('switch', () => {
  const SWITCH = definitionOf([
    node.trigger('t', 's', 'onImport'),
    node.switch('s', 'tiers', { large: 'big', small: 'little' }),
    node.email('big', 'large-reminder', 'done'),
    node.email('little', 'small-reminder', 'done'),
    node.end('done'),
  ]);

  it('asks for the segment of the rule set', () => {
    const run = new RunHarness(SWITCH, at('2026-03-02'));
    expect(sideEffects(run.lastCommands)).toEqual([
      { type: 'evaluateSwitch', nodeId: 's', idempotencyKey: 'INV-1:s:1', ruleSet: 'tiers' },
    ]);
  });

  it('follows the branch of the segment', () => {
    const run = new RunHarness(SWITCH, at('2026-03-02'));
    const commands = run.send({
      type: 'segmentEvaluated',
      at: at('2026-03-02'),
      nodeId: 's',
      segmentId: 'large',
    });
    expect(sideEffects(commands)[0]).toMatchObject({ type: 'sendEmail', nodeId: 'big' });
  });

  it('follows the default branch for a segment without one', () => {
    const partial = definitionOf([
      node.trigger('t', 's', 'onImport'),
      node.switch('s', 'tiers', { small: 'little' }),
      node.email('little', 'small-reminder', 'done'),
      node.end('done'),
    ]);
    const run = new RunHarness(partial, at('2026-03-02'));
    const commands = run.send({
      type: 'segmentEvaluated',
      at: at('2026-03-02'),
      nodeId: 's',
      segmentId: 'large',
    });
    expect(sideEffects(commands)[0]).toMatchObject({ type: 'sendEmail', nodeId: 'little' });
    expect(commands[0]).toMatchObject({
      event: { type: 'segment.evaluated', data: { usedDefault: true } },
    });
  });
});

describe('business-day waits', () => {
  const BUSINESS = definitionOf(
    [
      node.trigger('t', 'w'),
      node.wait('w', 'e', days(2), 'dueDate', 'business'),
      node.email('e', 'reminder', 'done'),
      node.end('done'),
    ],
    { holidays: { FR: ['2026-04-06'] } },
  );
  // Due Thursday 2 April 2026: Friday counts, the weekend does not, and Monday 6 April is
  // Easter Monday in France.
  const dueThursday = { ...CONTEXT, dueDate: '2026-04-02' };

  it('skip the weekend and the holidays of the country', () => {
    const { commands } = startRun(BUSINESS, dueThursday, at('2026-04-02'));
    expect(sideEffects(commands)).toEqual([
      { type: 'startTimer', timerId: 'w#1', at: '2026-04-07T00:00:00.000Z' },
    ]);
  });

  it('skip only the weekend elsewhere', () => {
    const { commands } = startRun(
      BUSINESS,
      { ...dueThursday, countryCode: 'DE' },
      at('2026-04-02'),
    );
    expect(sideEffects(commands)).toEqual([
      { type: 'startTimer', timerId: 'w#1', at: '2026-04-06T00:00:00.000Z' },
    ]);
  });
});
