import type { BillingChannel, Command, CompiledDefinition } from '@dunflow/model';
import type { ColumnType, Generated } from 'kysely';

/*
 * Row types of the Dunflow tables, in snake_case as in SQL. With the pool's type parsers,
 * DATE columns read as `YYYY-MM-DD` text, TIMESTAMPTZ as ISO 8601 strings in UTC, and BIGINT
 * amounts in minor units (cents) as numbers.
 */

/** A TIMESTAMPTZ column that must be given on insert. */
type Timestamp = ColumnType<string, string | Date, string | Date>;
/** A TIMESTAMPTZ column that defaults to the time of the insert. */
type DefaultTimestamp = ColumnType<string, string | Date | undefined, string | Date>;
/** A TIMESTAMPTZ column that stays null until set. */
type NullableTimestamp = ColumnType<
  string | null,
  string | Date | null | undefined,
  string | Date | null
>;
/** A JSONB column: read as parsed JSON, written as JSON text. */
type Jsonb<T> = ColumnType<T, string, string>;
/** A JSONB column that stays null until set. */
type NullableJsonb<T> = ColumnType<T | null, string | null | undefined, string | null>;

export type PaymentSource = 'import' | 'api' | 'workflow';
export type WorkflowRunStatus = 'running' | 'paused' | 'completed' | 'failed' | 'cancelled';
/** Outcome of a finished run, as reported by the interpreter's `complete` command. */
export type WorkflowOutcome = Extract<Command, { type: 'complete' }>['outcome'];
export type OutboxKind = 'email' | 'paymentLink' | 'task';
export type OutboxStatus = 'pending' | 'completed';
export type TaskStatus = 'open' | 'done' | 'cancelled';
export type PromiseStatus = 'open' | 'kept' | 'broken';

export interface CustomersTable {
  id: string;
  name: string | null;
  country_code: string;
  email: string | null;
  phone: string | null;
  language: string | null;
  time_zone: string | null;
  paperless_date: string | null;
  channel: BillingChannel | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface InvoicesTable {
  id: string;
  customer_id: string;
  issue_date: string;
  due_date: string;
  amount_minor: number;
  currency: string;
  disputed: boolean;
  settled_date: string | null;
  imported_at: DefaultTimestamp;
  /** The file (or other source) the invoice was last imported from. */
  source_file: string;
}

export interface PaymentsTable {
  id: string;
  invoice_id: string;
  amount_minor: number;
  received_on: string;
  source: PaymentSource;
}

export interface ScenarioVersionsTable {
  /** SHA-256 of the compiled definition, as in its `hash` field. */
  hash: string;
  scenario_id: string;
  name: string;
  definition: Jsonb<CompiledDefinition>;
  /** Git commit of the `rules/` file the version was published from. */
  source_commit: string | null;
  published_at: DefaultTimestamp;
}

/** The kinds of rule file that are published as rule versions. */
export type RuleKind = 'scenario' | 'segmentation' | 'template';

export interface RuleVersionsTable {
  kind: RuleKind;
  /** The `id` of the scenario, rule set or template. */
  rule_id: string;
  /** SHA-256 of the canonical JSON of the file's content without `$schema`. */
  hash: string;
  format_version: number;
  /** The file text in canonical form, byte for byte as it is written back. */
  source: string;
  /** The file's path in its rules folder, e.g. `scenarios/default.json`. */
  source_path: string;
  /** Git commit checked out when the file was published; null outside a git repository. */
  source_commit: string | null;
  /** Whether the file differed from that commit; null outside a git repository. */
  source_dirty: boolean | null;
  /** For a scenario, the hash of its compiled definition in `scenario_versions`. */
  definition_hash: string | null;
  first_published_at: DefaultTimestamp;
  /** When this content last became the current version of the rule. */
  published_at: DefaultTimestamp;
}

export interface WorkflowRunsTable {
  workflow_id: string;
  invoice_id: string;
  scenario_hash: string;
  started_at: Timestamp;
  status: WorkflowRunStatus;
  outcome: WorkflowOutcome | null;
  ended_at: NullableTimestamp;
}

export interface DunningEventsTable {
  id: Generated<number>;
  invoice_id: string;
  workflow_id: string | null;
  type: string;
  node_id: string | null;
  occurred_at: Timestamp;
  data: Jsonb<Record<string, unknown>>;
  /** Set by writers that may retry, so a retried append stores the event once. */
  idempotency_key: string | null;
}

export interface OutboxTable {
  idempotency_key: string;
  invoice_id: string;
  node_id: string;
  kind: OutboxKind;
  status: OutboxStatus;
  result: NullableJsonb<unknown>;
  created_at: DefaultTimestamp;
  /** When the current claim was taken; a stale pending claim may be taken over. */
  claimed_at: DefaultTimestamp;
  completed_at: NullableTimestamp;
}

export interface TasksTable {
  id: Generated<number>;
  idempotency_key: string;
  invoice_id: string;
  title: string;
  due_on: string;
  status: ColumnType<TaskStatus, TaskStatus | undefined, TaskStatus>;
  created_at: DefaultTimestamp;
}

export interface PromisesTable {
  id: Generated<number>;
  idempotency_key: string;
  invoice_id: string;
  promised_date: string;
  status: ColumnType<PromiseStatus, PromiseStatus | undefined, PromiseStatus>;
  created_at: DefaultTimestamp;
}

/** The Dunflow database, table by table, for `Kysely<DatabaseSchema>`. */
export interface DatabaseSchema {
  customers: CustomersTable;
  invoices: InvoicesTable;
  payments: PaymentsTable;
  scenario_versions: ScenarioVersionsTable;
  workflow_runs: WorkflowRunsTable;
  dunning_events: DunningEventsTable;
  outbox: OutboxTable;
  tasks: TasksTable;
  promises: PromisesTable;
  rule_versions: RuleVersionsTable;
}
