import { z } from 'zod';
import { Instant, LocalDate, MinorAmount } from './primitives';

/**
 * Events the interpreter consumes. The driver (Temporal workflow or simulator) stamps each
 * with `at`, its own clock, so the interpreter never reads a clock itself.
 */
export const InterpreterEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), at: Instant }),
  z.object({ type: z.literal('timerFired'), at: Instant, timerId: z.string() }),
  z.object({
    type: z.literal('conditionEvaluated'),
    at: Instant,
    nodeId: z.string(),
    result: z.boolean(),
  }),
  z.object({
    type: z.literal('segmentEvaluated'),
    at: Instant,
    nodeId: z.string(),
    segmentId: z.string(),
  }),
  z.object({
    type: z.literal('actionCompleted'),
    at: Instant,
    nodeId: z.string(),
    /** Outputs later steps may use, e.g. `paymentLink` for an e-mail template. */
    output: z.record(z.string(), z.string()).default({}),
  }),
  z.object({
    type: z.literal('payment'),
    at: Instant,
    paymentId: z.string(),
    amountMinor: MinorAmount.positive(),
  }),
  z.object({ type: z.literal('promiseToPay'), at: Instant, promisedDate: LocalDate }),
  z.object({ type: z.literal('disputeOpened'), at: Instant, reason: z.string().optional() }),
  z.object({
    type: z.literal('disputeResolved'),
    at: Instant,
    /** `resume`: the claim was rejected and collection goes on; `cancelInvoice`: it was upheld. */
    resolution: z.enum(['resume', 'cancelInvoice']),
  }),
  z.object({ type: z.literal('pause'), at: Instant, reason: z.string().optional() }),
  z.object({ type: z.literal('resume'), at: Instant }),
  z.object({ type: z.literal('cancel'), at: Instant, reason: z.string().optional() }),
]);
export type InterpreterEvent = z.infer<typeof InterpreterEvent>;
export type InterpreterEventType = InterpreterEvent['type'];

/** The part of a side effect that makes it idempotent: invoice, node and occurrence. */
const Idempotent = { idempotencyKey: z.string(), nodeId: z.string() };

/**
 * Commands the interpreter returns for its driver to carry out. Evaluations and actions are
 * answered with `conditionEvaluated`, `segmentEvaluated` or `actionCompleted` events.
 */
export const Command = z.discriminatedUnion('type', [
  z.object({ type: z.literal('evaluateCondition'), ...Idempotent }),
  z.object({ type: z.literal('evaluateSwitch'), ...Idempotent, ruleSet: z.string() }),
  z.object({
    type: z.literal('sendEmail'),
    ...Idempotent,
    template: z.string(),
    /** Outputs of earlier actions, e.g. `paymentLink`, for the template's placeholders. */
    variables: z.record(z.string(), z.string()),
  }),
  z.object({ type: z.literal('createPaymentLink'), ...Idempotent }),
  z.object({
    type: z.literal('createTask'),
    ...Idempotent,
    title: z.string(),
    dueInDays: z.number().int(),
  }),
  z.object({ type: z.literal('startTimer'), timerId: z.string(), at: Instant }),
  z.object({ type: z.literal('cancelTimer'), timerId: z.string() }),
  z.object({
    type: z.literal('record'),
    /** A history entry to append to the event table, e.g. `node.skipped`. */
    event: z.object({
      type: z.string(),
      nodeId: z.string().optional(),
      at: Instant,
      data: z.record(z.string(), z.unknown()).default({}),
    }),
  }),
  z.object({
    type: z.literal('complete'),
    outcome: z.enum([
      'paid',
      'completed',
      'escalated',
      'writtenOff',
      'cancelled',
      'invoiceCancelled',
    ]),
  }),
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
export type ActionCommand = Extract<
  Command,
  { type: 'sendEmail' | 'createPaymentLink' | 'createTask' }
>;
