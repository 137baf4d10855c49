import type {
  Command,
  FactDefinition,
  SegmentationRuleSet,
  Template,
  TopLevelCondition,
} from '@dunflow/model';

/** Identifies the invoice, workflow and node an activity acts for. */
export interface ActivityTarget {
  invoiceId: string;
  workflowId: string;
  nodeId: string;
}

export interface IdempotentTarget extends ActivityTarget {
  /** `<invoiceId>:<nodeId>:<occurrence>`: the same for every retry of the same step. */
  idempotencyKey: string;
}

/** What an action leaves for later steps, e.g. `paymentLink`, or `outcome: failed`. */
export interface ActionResult {
  output: Record<string, string>;
}

export type RecordedEvent = Extract<Command, { type: 'record' }>['event'];

/** The activities the dunning workflow calls; implemented in `create-activities.ts`. */
export interface DunningActivities {
  evaluateCondition(
    input: ActivityTarget & { rule: TopLevelCondition; facts: FactDefinition[] },
  ): Promise<boolean>;
  evaluateSwitch(
    input: ActivityTarget & { ruleSet: SegmentationRuleSet; facts: FactDefinition[] },
  ): Promise<string>;
  sendEmail(
    input: IdempotentTarget & { template: Template; variables: Record<string, string> },
  ): Promise<ActionResult>;
  createPaymentLink(input: IdempotentTarget): Promise<ActionResult>;
  createTask(input: IdempotentTarget & { title: string; dueInDays: number }): Promise<ActionResult>;
  /** `batch` is unique per call within a run and the same on every retry of that call. */
  recordEvents(input: {
    invoiceId: string;
    workflowId: string;
    batch: string;
    events: RecordedEvent[];
  }): Promise<void>;
  completeRun(input: { invoiceId: string; workflowId: string; outcome: string }): Promise<void>;
}
