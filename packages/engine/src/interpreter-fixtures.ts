import type {
  Command,
  CompiledDefinition,
  CompiledDelay,
  CompiledNode,
  Instant,
  InterpreterEvent,
  ScenarioSettings,
  SegmentationRuleSet,
} from '@dunflow/model';
import { startRun, stepRun } from './interpreter';
import type { RunContext, RunState } from './run-state';

/*
 * Hand-built compiled definitions and a small driver for the interpreter's tests, so each test
 * states its graph in a few lines and replays events by hand.
 */

export function days(count: number): CompiledDelay {
  return { sign: count < 0 ? -1 : 1, days: Math.abs(count), seconds: 0 };
}

export const node = {
  trigger(
    id: string,
    next: string,
    entry: 'overdue' | 'beforeDue' | 'onImport' = 'overdue',
    dayCount = 0,
  ): CompiledNode {
    return { type: 'trigger', id, trigger: { entry, days: dayCount }, next };
  },
  wait(
    id: string,
    next: string,
    delay: CompiledDelay,
    anchor: 'dueDate' | 'previous' = 'dueDate',
    calendar: 'calendar' | 'business' = 'calendar',
  ): CompiledNode {
    return { type: 'wait', id, anchor, calendar, delay, next };
  },
  email(id: string, template: string, next: string): CompiledNode {
    return { type: 'sendEmail', id, template, next };
  },
  paymentLink(id: string, next: string): CompiledNode {
    return { type: 'createPaymentLink', id, next };
  },
  task(id: string, title: string, next: string): CompiledNode {
    return { type: 'createTask', id, title, dueInDays: 2, next };
  },
  condition(id: string, onTrue: string, onFalse: string): CompiledNode {
    const rule = { all: [{ fact: 'daysPastDue', operator: 'greaterThan' as const, value: 30 }] };
    return { type: 'condition', id, rule, onTrue, onFalse };
  },
  switch(id: string, ruleSet: string, branches: Record<string, string>): CompiledNode {
    return { type: 'switch', id, ruleSet, branches };
  },
  waitForEvent(
    id: string,
    events: Partial<Record<'payment' | 'promiseToPay' | 'dispute', string>>,
    timeout: CompiledDelay,
    onTimeout: string,
  ): CompiledNode {
    return { type: 'waitForEvent', id, events, timeout, onTimeout };
  },
  end(id: string, outcome: 'completed' | 'escalated' | 'writtenOff' = 'completed'): CompiledNode {
    return { type: 'end', id, outcome };
  },
};

export const TIERS: SegmentationRuleSet = {
  formatVersion: 1,
  kind: 'segmentation',
  id: 'tiers',
  name: 'Tiers',
  segments: [
    {
      id: 'large',
      name: 'Large',
      conditions: { all: [{ fact: 'amount', operator: 'greaterThan', value: 1000 }] },
    },
    {
      id: 'small',
      name: 'Small',
      conditions: { all: [{ fact: 'amount', operator: 'lessThanInclusive', value: 1000 }] },
    },
  ],
  defaultSegment: 'small',
};

/** Builds a definition from nodes; the first trigger is the entry. */
export function definitionOf(
  nodes: CompiledNode[],
  settings: Partial<ScenarioSettings> = {},
): CompiledDefinition {
  const trigger = nodes.find((candidate) => candidate.type === 'trigger');
  if (trigger === undefined) throw new Error('a test definition needs a trigger node');
  return {
    formatVersion: 1,
    scenarioId: 'test-scenario',
    name: 'Test scenario',
    hash: 'ab'.repeat(32),
    settings: { businessDays: [1, 2, 3, 4, 5], holidays: {}, ...settings },
    triggerNodeId: trigger.id,
    nodes: Object.fromEntries(nodes.map((entry) => [entry.id, entry])),
    templates: {},
    ruleSets: { tiers: TIERS },
    facts: [],
  };
}

/** The invoice of most tests: due Monday 2 March 2026, 100.00 open. */
export const CONTEXT: RunContext = {
  invoiceId: 'INV-1',
  dueDate: '2026-03-02',
  openAmountMinor: 10_000,
  countryCode: 'FR',
};

/** Midnight UTC of a date, or that date at `time`. */
export function at(date: string, time = '00:00:00'): Instant {
  return `${date}T${time}.000Z`;
}

/** Drives one run by hand and keeps every command, like a workflow would. */
export class RunHarness {
  state: RunState;
  readonly history: Command[] = [];
  lastCommands: Command[];

  constructor(
    readonly definition: CompiledDefinition,
    startAt: Instant,
    context: RunContext = CONTEXT,
  ) {
    const transition = startRun(definition, context, startAt);
    this.state = transition.state;
    this.lastCommands = transition.commands;
    this.history.push(...transition.commands);
  }

  send(event: InterpreterEvent): Command[] {
    const transition = stepRun(this.definition, this.state, event);
    this.state = transition.state;
    this.lastCommands = transition.commands;
    this.history.push(...transition.commands);
    return transition.commands;
  }

  /** Fires the pending flow timer at its time. */
  fireTimer(): Command[] {
    const position = this.state.position;
    if (position.kind !== 'timer') throw new Error(`no flow timer is pending: ${position.kind}`);
    return this.send({ type: 'timerFired', at: position.at, timerId: position.timerId });
  }

  /** Completes the pending action at `when` with `output`. */
  complete(when: Instant, output: Record<string, string> = {}): Command[] {
    const position = this.state.position;
    if (position.kind !== 'action') throw new Error(`no action is pending: ${position.kind}`);
    return this.send({ type: 'actionCompleted', at: when, nodeId: position.nodeId, output });
  }
}

/** Commands without `record`, which most assertions ignore. */
export function sideEffects(commands: Command[]): Command[] {
  return commands.filter((command) => command.type !== 'record');
}

/** Returns the types of the `record` commands, in order. */
export function recordTypes(commands: Command[]): string[] {
  return commands.flatMap((command) => (command.type === 'record' ? [command.event.type] : []));
}
