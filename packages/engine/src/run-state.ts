import type { ActionCommand, Command, Instant, LocalDate } from '@dunflow/model';

/** Facts about the invoice that the interpreter needs for a run. */
export interface RunContext {
  invoiceId: string;
  dueDate: LocalDate;
  /** Amount still unpaid when the run starts, in minor units (cents). */
  openAmountMinor: number;
  /** The customer's country, which picks the holidays of business-day waits. */
  countryCode?: string;
  /**
   * The number of this run among the dunning campaigns of its invoice: 1 for the first, one
   * more each time an operator restarts dunning after a run ended. It keeps the idempotency
   * keys of a restarted run apart from those of the runs before it.
   */
  campaign?: number;
}

/** Status of a run: `paused` while a pause (manual, dispute, promise to pay) is active. */
export type RunStatus = 'running' | 'paused' | 'completed';

/** Reason a run is paused. Several may apply at once, and the run resumes when none is left. */
export type PauseReason = 'manual' | 'dispute' | 'promise';

export type RunOutcome = Extract<Command, { type: 'complete' }>['outcome'];

export type ActionType = ActionCommand['type'];

/**
 * The step the run carries out next. `enter` enters the node and counts an occurrence.
 * `arrive` applies the node again without counting, after held actions were carried out
 * on the way to it.
 */
export interface Continuation {
  nodeId: string;
  mode: 'enter' | 'arrive';
}

/** Purpose of a flow timer: entering the scenario, ending a wait, or timing out a wait for event. */
export type TimerPurpose = 'trigger' | 'wait' | 'timeout';

/** The run waits for a timer of the node it is at. */
export interface TimerPosition {
  kind: 'timer';
  nodeId: string;
  purpose: TimerPurpose;
  /** The node's occurrence that started the timer. */
  occurrence: number;
  /** How often the timer was started again (after a pause or a partial payment); 0 at first. */
  restarts: number;
  timerId: string;
  /** When the timer fires. */
  at: Instant;
  /** Set while the run is paused. The timer is then cancelled, and restarted on resume. */
  suspendedAt?: Instant;
}

/** The run waits for the result of a condition or a switch. */
export interface EvaluationPosition {
  kind: 'evaluation';
  nodeId: string;
  idempotencyKey: string;
}

/** The run waits for `actionCompleted` of an action it sent. */
export interface ActionPosition {
  kind: 'action';
  nodeId: string;
  idempotencyKey: string;
  /** Set while carrying out held actions: the node to arrive at when none is left. */
  flushFor?: string;
}

/** A pause stopped the run between two steps; `next` is carried out on resume. */
export interface HaltedPosition {
  kind: 'halted';
  next: Continuation;
}

export interface FinishedPosition {
  kind: 'finished';
  /** The end node that finished the run, if one did. */
  nodeId?: string;
}

export type RunPosition =
  TimerPosition | EvaluationPosition | ActionPosition | HaltedPosition | FinishedPosition;

/**
 * A side effect of the run. `held` means it was reached while catching up and is not decided
 * yet; `pending` means its command was sent and no `actionCompleted` has arrived.
 */
export interface ActionEntry {
  nodeId: string;
  type: ActionType;
  idempotencyKey: string;
  /** When it was reached (held), sent (pending) or skipped. */
  at: Instant;
  outcome: 'held' | 'pending' | 'completed' | 'skipped';
  completedAt?: Instant;
  reason?: string;
  output?: Record<string, string>;
}

/** A promise to pay that has not been kept or broken yet. */
export interface PromiseState {
  promisedDate: LocalDate;
  madeAt: Instant;
  /** End of the promised date: midnight UTC of the next day. */
  deadline: Instant;
  timerId: string;
  /** False when a wait for event followed its promise branch, so the run goes on meanwhile. */
  pausing: boolean;
}

/**
 * The whole state of one run, as plain JSON: a Temporal query returns it and a database may
 * store it. Only the interpreter changes it.
 */
export interface RunState {
  formatVersion: 1;
  definitionHash: string;
  context: RunContext;
  status: RunStatus;
  position: RunPosition;
  openAmountMinor: number;
  startedAt: Instant;
  /** Time of the last event that changed the state. */
  updatedAt: Instant;
  /**
   * When the latest step happened, or would have happened when catch-up passed it. Waits
   * anchored on `previous` count from here.
   */
  stepTime: Instant;
  /** True after a wait whose target had passed, until the run reaches a step in the future. */
  catchingUp: boolean;
  /** Times each node was entered, by node id. */
  occurrences: Record<string, number>;
  /** Outputs of completed actions, e.g. `paymentLink`, passed to later e-mails. */
  variables: Record<string, string>;
  actions: ActionEntry[];
  pausedFor: PauseReason[];
  /** When the current pause began; unset while the run is not paused. */
  pausedAt?: Instant;
  disputeOpen: boolean;
  promise?: PromiseState;
  promisesMade: number;
  promisesKept: number;
  promisesBroken: number;
  /** Ids of the payments applied, so a payment delivered twice counts once. */
  paymentIds: string[];
  outcome?: RunOutcome;
}

/** Result of applying an event: the next state and the commands for the driver. */
export interface Transition {
  state: RunState;
  commands: Command[];
}
