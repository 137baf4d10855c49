import type {
  ActionCommand,
  Command,
  CompiledDefinition,
  Customer,
  FactValues,
  Instant,
  InterpreterEvent,
  Invoice,
  SegmentationRuleSet,
  TopLevelCondition,
} from '@dunflow/model';
import { dateOf, parseInstant } from './calendar';
import { computeFacts } from './facts';
import { startRun, stepRun } from './interpreter';
import type { RunState, Transition } from './run-state';
import { SimulationError } from './simulator-error';
import type { BookLedger } from './simulator-ledger';
import type { SimulationQueue } from './simulator-queue';
import { isActionCommand, type ReportBuilder } from './simulator-report';

/** Evaluates rules for the simulator; callers pass the json-rules-engine evaluator. */
export interface Evaluator {
  condition(rule: TopLevelCondition, facts: FactValues): Promise<boolean>;
  segment(ruleSet: SegmentationRuleSet, facts: FactValues): Promise<string>;
}

/** Shared parts of every simulated run of one simulation. */
export interface SimulationContext {
  definition: CompiledDefinition;
  queue: SimulationQueue;
  ledger: BookLedger;
  report: ReportBuilder;
  evaluate: Evaluator;
  /** Timers at or after this instant are not scheduled: the simulation ends before them. */
  end: Instant;
}

/**
 * The simulator's driver of one invoice's run. Like the workflow, it turns commands into
 * timers and actions, but actions complete at once and timers go to the shared queue.
 */
export class SimulatedRun {
  private state: RunState | undefined;
  private readonly cancelledTimers = new Set<string>();

  constructor(
    private readonly context: SimulationContext,
    readonly invoice: Invoice,
    private readonly customer: Customer | undefined,
  ) {}

  get runState(): RunState | undefined {
    return this.state;
  }

  async start(at: Instant): Promise<void> {
    const context = { invoiceId: this.invoice.id, dueDate: this.invoice.dueDate };
    const openAmountMinor = this.context.ledger.openAmount(this.invoice.id);
    const countryCode = this.customer?.countryCode;
    const runContext =
      countryCode === undefined
        ? { ...context, openAmountMinor }
        : { ...context, openAmountMinor, countryCode };
    await this.handle(startRun(this.context.definition, runContext, at), at);
  }

  /** Applies an event, unless the run is completed or the event is a cancelled timer. */
  async send(event: InterpreterEvent): Promise<void> {
    if (this.state === undefined || this.state.status === 'completed') return;
    if (event.type === 'timerFired' && this.cancelledTimers.has(event.timerId)) return;
    await this.handle(stepRun(this.context.definition, this.state, event), event.at);
  }

  /** Computes the facts of the invoice at `now`, for a condition or a segment. */
  factsAt(now: Instant): FactValues {
    const date = dateOf(now);
    const { ledger } = this.context;
    const input = {
      invoice: this.invoice,
      asOf: date,
      openAmountMinor: ledger.openAmount(this.invoice.id),
      customerOpenAmountMinor: ledger.customerOpenAmount(this.invoice.customerId, date),
      customerOverdueCount: ledger.customerOverdueCount(this.invoice.customerId, date),
      remindersSent: this.remindersSent(),
      brokenPromises: this.state?.promisesBroken ?? 0,
    };
    return computeFacts(
      this.customer === undefined ? input : { ...input, customer: this.customer },
    );
  }

  private remindersSent(): number {
    const actions = this.state?.actions ?? [];
    return actions.filter((entry) => entry.type === 'sendEmail' && entry.outcome === 'completed')
      .length;
  }

  /** Applies transitions until the run waits for a timer or a payment, or ends. */
  private async handle(first: Transition, now: Instant): Promise<void> {
    let transition: Transition | undefined = first;
    while (transition !== undefined) {
      this.state = transition.state;
      const answer = await this.carryOut(transition.commands, now);
      transition =
        answer === undefined ? undefined : stepRun(this.context.definition, this.state, answer);
    }
  }

  /** Carries out commands and returns the event that completes an action or evaluation, if any. */
  private async carryOut(commands: Command[], now: Instant): Promise<InterpreterEvent | undefined> {
    let answer: InterpreterEvent | undefined;
    for (const command of commands) {
      this.context.report.addCommand(this.invoice.id, command, now);
      if (command.type === 'startTimer') this.schedule(command.timerId, command.at);
      else if (command.type === 'cancelTimer') this.cancelledTimers.add(command.timerId);
      else if (command.type === 'evaluateCondition')
        answer = await this.evaluateCondition(command.nodeId, now);
      else if (command.type === 'evaluateSwitch') answer = await this.evaluateSwitch(command, now);
      else if (isActionCommand(command)) answer = completedAction(command, this.invoice.id, now);
    }
    return answer;
  }

  private schedule(timerId: string, at: Instant): void {
    if (parseInstant(at) >= parseInstant(this.context.end)) return;
    this.context.queue.push(at, { kind: 'timer', invoiceId: this.invoice.id, timerId });
  }

  private async evaluateCondition(nodeId: string, now: Instant): Promise<InterpreterEvent> {
    const node = this.context.definition.nodes[nodeId];
    if (node?.type !== 'condition') {
      throw new SimulationError(`node '${nodeId}' is not a condition of the definition`, nodeId);
    }
    const result = await this.context.evaluate.condition(node.rule, this.factsAt(now));
    return { type: 'conditionEvaluated', at: now, nodeId, result };
  }

  private async evaluateSwitch(
    command: Extract<Command, { type: 'evaluateSwitch' }>,
    now: Instant,
  ): Promise<InterpreterEvent> {
    const ruleSet = this.context.definition.ruleSets[command.ruleSet];
    if (ruleSet === undefined) {
      throw new SimulationError(
        `switch '${command.nodeId}' uses rule set '${command.ruleSet}', which the definition ` +
          'does not contain; recompile the scenario',
        command.ruleSet,
      );
    }
    const segmentId = await this.context.evaluate.segment(ruleSet, this.factsAt(now));
    return { type: 'segmentEvaluated', at: now, nodeId: command.nodeId, segmentId };
  }
}

/** Completes an action at once, with deterministic outputs such as `sim://pay/<invoiceId>`. */
function completedAction(
  command: ActionCommand,
  invoiceId: string,
  now: Instant,
): InterpreterEvent {
  const output: Record<string, string> =
    command.type === 'createPaymentLink' ? { paymentLink: `sim://pay/${invoiceId}` } : {};
  return { type: 'actionCompleted', at: now, nodeId: command.nodeId, output };
}
