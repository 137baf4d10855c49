import {
  CancellationScope,
  condition,
  isCancellation,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { Command, InterpreterEvent } from '@dunflow/model';
import {
  describeRun,
  startRun,
  stepRun,
  type RunState,
  type Transition,
} from '@dunflow/engine/interpreter';
import type { DunningActivities } from '../activities/dunning-activities';
import type { DunningInput } from './dunning-input';
import {
  cancelSignal,
  disputeOpenedSignal,
  disputeResolvedSignal,
  pauseSignal,
  paymentSignal,
  promiseToPaySignal,
  resumeSignal,
  runViewQuery,
} from './signals';

const SIGNAL_EVENTS: ReadonlySet<InterpreterEvent['type']> = new Set([
  'payment',
  'promiseToPay',
  'disputeOpened',
  'disputeResolved',
  'pause',
  'resume',
  'cancel',
]);

const activities = proxyActivities<DunningActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Workflow time: deterministic inside the sandbox, replayed identically. */
function now(): string {
  return new Date().toISOString();
}

/**
 * Drives one invoice through a compiled scenario. The interpreter decides; this driver turns
 * its commands into activities and timers, and signals and results into events.
 */
export async function dunningWorkflow(input: DunningInput): Promise<string> {
  const { definition, context } = input;
  const { workflowId, runId } = workflowInfo();
  let batchNumber = 0;
  const queue: InterpreterEvent[] = [];
  const timers = new Map<string, CancellationScope>();
  let outcome: string | undefined;
  let failure: Error | undefined;
  const started = startRun(definition, context, now());
  let state: RunState = started.state;

  const enqueue = (event: InterpreterEvent): void => {
    queue.push(event);
  };
  registerSignals(enqueue);

  const target = (nodeId: string) => ({ invoiceId: context.invoiceId, workflowId, nodeId });

  async function carryOut(transition: Transition): Promise<void> {
    state = transition.state;
    const records = transition.commands.filter((command) => command.type === 'record');
    if (records.length > 0) {
      const events = records.map((command) => command.event);
      const batch = `${runId}:${String(batchNumber++)}`;
      await activities.recordEvents({ invoiceId: context.invoiceId, workflowId, batch, events });
    }
    for (const command of transition.commands) {
      if (command.type === 'complete') outcome = command.outcome;
      else if (command.type !== 'record') dispatch(command);
    }
  }

  function dispatch(command: Exclude<Command, { type: 'record' | 'complete' }>): void {
    switch (command.type) {
      case 'startTimer':
        startTimer(command.timerId, command.at);
        return;
      case 'cancelTimer':
        timers.get(command.timerId)?.cancel();
        timers.delete(command.timerId);
        return;
      default:
        runActivity(command).then(enqueue, (error: unknown) => {
          failure ??= error instanceof Error ? error : new Error(String(error));
        });
    }
  }

  function startTimer(timerId: string, at: string): void {
    const delayMs = Date.parse(at) - Date.now();
    if (delayMs <= 0) {
      enqueue({ type: 'timerFired', timerId, at: now() });
      return;
    }
    const scope = new CancellationScope();
    timers.set(timerId, scope);
    scope
      .run(() => sleep(delayMs))
      .then(
        () => {
          timers.delete(timerId);
          enqueue({ type: 'timerFired', timerId, at: now() });
        },
        (error: unknown) => {
          if (!isCancellation(error)) throw error;
        },
      );
  }

  async function runActivity(
    command: Exclude<Command, { type: 'record' | 'complete' | 'startTimer' | 'cancelTimer' }>,
  ): Promise<InterpreterEvent> {
    const base = target(command.nodeId);
    switch (command.type) {
      case 'evaluateCondition': {
        const node = definition.nodes[command.nodeId];
        if (node?.type !== 'condition')
          throw new Error(`node '${command.nodeId}' is not a condition`);
        const result = await activities.evaluateCondition({
          ...base,
          rule: node.rule,
          facts: definition.facts,
        });
        return { type: 'conditionEvaluated', nodeId: command.nodeId, result, at: now() };
      }
      case 'evaluateSwitch': {
        const ruleSet = definition.ruleSets[command.ruleSet];
        if (ruleSet === undefined)
          throw new Error(`rule set '${command.ruleSet}' is not in the definition`);
        const segmentId = await activities.evaluateSwitch({
          ...base,
          ruleSet,
          facts: definition.facts,
        });
        return { type: 'segmentEvaluated', nodeId: command.nodeId, segmentId, at: now() };
      }
      case 'sendEmail': {
        const template = definition.templates[command.template];
        if (template === undefined)
          throw new Error(`template '${command.template}' is not in the definition`);
        const { idempotencyKey, variables } = command;
        const result = await activities.sendEmail({ ...base, idempotencyKey, template, variables });
        return {
          type: 'actionCompleted',
          nodeId: command.nodeId,
          output: result.output,
          at: now(),
        };
      }
      case 'createPaymentLink': {
        const result = await activities.createPaymentLink({
          ...base,
          idempotencyKey: command.idempotencyKey,
        });
        return {
          type: 'actionCompleted',
          nodeId: command.nodeId,
          output: result.output,
          at: now(),
        };
      }
      case 'createTask': {
        const { idempotencyKey, title, dueInDays } = command;
        const result = await activities.createTask({ ...base, idempotencyKey, title, dueInDays });
        return {
          type: 'actionCompleted',
          nodeId: command.nodeId,
          output: result.output,
          at: now(),
        };
      }
    }
  }

  // A signal the interpreter cannot apply (say, a promise date beyond its calendar) is
  // recorded as rejected and leaves the run as it was, instead of failing the workflow task
  // on every retry. Results of our own commands still fail loudly.
  function step(event: InterpreterEvent): Transition {
    try {
      return stepRun(definition, state, event);
    } catch (error) {
      if (!SIGNAL_EVENTS.has(event.type)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      const rejected = {
        type: 'signal.rejected',
        at: event.at,
        data: { signal: event.type, reason },
      };
      return { state, commands: [{ type: 'record', event: rejected }] };
    }
  }

  setHandler(runViewQuery, () => describeRun(definition, state));

  await carryOut(started);
  while (outcome === undefined) {
    await condition(() => queue.length > 0 || failure !== undefined);
    // An activity that failed for good (not a retryable outage) fails the workflow visibly.
    if (failure !== undefined) throw failure;
    const event = queue.shift();
    if (event !== undefined) await carryOut(step(event));
  }
  for (const scope of timers.values()) scope.cancel();
  await activities.completeRun({ invoiceId: context.invoiceId, workflowId, outcome });
  return outcome;
}

function registerSignals(enqueue: (event: InterpreterEvent) => void): void {
  setHandler(paymentSignal, (payment) => {
    enqueue({ type: 'payment', ...payment, at: now() });
  });
  setHandler(promiseToPaySignal, ({ promisedDate }) => {
    enqueue({ type: 'promiseToPay', promisedDate, at: now() });
  });
  setHandler(disputeOpenedSignal, (signal) => {
    enqueue({ type: 'disputeOpened', ...signal, at: now() });
  });
  setHandler(disputeResolvedSignal, ({ resolution }) => {
    enqueue({ type: 'disputeResolved', resolution, at: now() });
  });
  setHandler(pauseSignal, (signal) => {
    enqueue({ type: 'pause', ...signal, at: now() });
  });
  setHandler(resumeSignal, () => {
    enqueue({ type: 'resume', at: now() });
  });
  setHandler(cancelSignal, (signal) => {
    enqueue({ type: 'cancel', ...signal, at: now() });
  });
}
