import { sql, type Kysely } from 'kysely';
import type { Queryable } from '../database';
import { inTransaction, kyselyOf } from '../database';
import type { DatabaseSchema, RuleKind } from '../database-schema';

/** A rule file to publish: its canonical text and where it came from. */
export interface RuleVersionInput {
  kind: RuleKind;
  ruleId: string;
  /** SHA-256 of the content, 64 lower-case hex digits; it identifies the version. */
  hash: string;
  formatVersion: number;
  /** The canonical file text. */
  source: string;
  /** The file's path in its rules folder, e.g. `scenarios/default.json`. */
  sourcePath: string;
  sourceCommit: string | null;
  sourceDirty: boolean | null;
  /** For a scenario, the hash of its compiled definition, already in `scenario_versions`. */
  definitionHash: string | null;
}

/** A published version of a rule file. */
export interface RuleVersion extends RuleVersionInput {
  firstPublishedAt: string;
  /** When this content last became the current version of its rule. */
  publishedAt: string;
}

/**
 * The outcome of a publish. `created` stored a new version. `unchanged` found the same
 * content already current and changed nothing. `republished` made a stored version current
 * again, e.g. after a revert, or gave it a new compiled definition.
 */
export type PublishStatus = 'created' | 'unchanged' | 'republished';

export interface PublishedRuleVersion {
  version: RuleVersion;
  status: PublishStatus;
}

const HASH_PATTERN = /^[0-9a-f]{64}$/;

/**
 * Publishes a rule file version, idempotently by content hash. Publishing the current
 * content of a rule again, with the same compiled definition, changes nothing. Publishing
 * content that was published before but is not current makes it current again, with the new
 * commit, and so does a scenario whose definition changed because a template or rule set it
 * uses did. Publishes of one rule are
 * serialised with a transaction-scoped advisory lock, so two concurrent publishes cannot both
 * see themselves as new.
 */
export async function publishRuleVersion(
  db: Queryable,
  input: RuleVersionInput,
): Promise<PublishedRuleVersion> {
  if (!HASH_PATTERN.test(input.hash)) {
    throw new Error(`rule version hash '${input.hash}' is not 64 lower-case hex digits`);
  }
  return inTransaction(db, async (trx) => {
    await lockRule(trx, input.kind, input.ruleId);
    const current = await latestOf(trx, input.kind, input.ruleId);
    if (current?.hash === input.hash && current.definitionHash === input.definitionHash) {
      return { version: current, status: 'unchanged' };
    }
    const republished = await republish(trx, input);
    if (republished !== undefined) return { version: republished, status: 'republished' };
    const row = await trx
      .insertInto('rule_versions')
      .values(toRow(input))
      .returningAll()
      .executeTakeFirstOrThrow();
    return { version: rowToVersion(row), status: 'created' };
  });
}

/** Returns the current (latest published) version of every rule, by kind and then id. */
export async function currentRuleVersions(db: Queryable, kind?: RuleKind): Promise<RuleVersion[]> {
  const rows = await kyselyOf(db)
    .selectFrom('rule_versions')
    .selectAll()
    .distinctOn(['kind', 'rule_id'])
    .$if(kind !== undefined, (query) => query.where('kind', '=', kind ?? 'scenario'))
    .orderBy('kind')
    .orderBy('rule_id')
    .orderBy('published_at', 'desc')
    .orderBy('hash', 'desc')
    .execute();
  return rows.map(rowToVersion);
}

/** Returns the published version of kind `kind` with content hash `hash`, if there is one. */
export async function getRuleVersion(
  db: Queryable,
  kind: RuleKind,
  hash: string,
): Promise<RuleVersion | undefined> {
  const row = await kyselyOf(db)
    .selectFrom('rule_versions')
    .selectAll()
    .where('kind', '=', kind)
    .where('hash', '=', hash)
    .executeTakeFirst();
  return row && rowToVersion(row);
}

/** Returns every published version of one rule, newest first. */
export async function ruleVersionHistory(
  db: Queryable,
  kind: RuleKind,
  ruleId: string,
): Promise<RuleVersion[]> {
  const rows = await kyselyOf(db)
    .selectFrom('rule_versions')
    .selectAll()
    .where('kind', '=', kind)
    .where('rule_id', '=', ruleId)
    .orderBy('published_at', 'desc')
    .orderBy('hash', 'desc')
    .execute();
  return rows.map(rowToVersion);
}

async function lockRule(trx: Kysely<DatabaseSchema>, kind: RuleKind, ruleId: string) {
  const key = `rule_versions:${kind}:${ruleId}`;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}

async function latestOf(
  trx: Kysely<DatabaseSchema>,
  kind: RuleKind,
  ruleId: string,
): Promise<RuleVersion | undefined> {
  const row = await trx
    .selectFrom('rule_versions')
    .selectAll()
    .where('kind', '=', kind)
    .where('rule_id', '=', ruleId)
    .orderBy('published_at', 'desc')
    .orderBy('hash', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && rowToVersion(row);
}

async function republish(
  trx: Kysely<DatabaseSchema>,
  input: RuleVersionInput,
): Promise<RuleVersion | undefined> {
  const row = await trx
    .updateTable('rule_versions')
    .set({
      source_commit: input.sourceCommit,
      source_dirty: input.sourceDirty,
      source_path: input.sourcePath,
      definition_hash: input.definitionHash,
      published_at: sql<string>`clock_timestamp()`,
    })
    .where('kind', '=', input.kind)
    .where('hash', '=', input.hash)
    .returningAll()
    .executeTakeFirst();
  return row && rowToVersion(row);
}

function toRow(input: RuleVersionInput) {
  return {
    kind: input.kind,
    rule_id: input.ruleId,
    hash: input.hash,
    format_version: input.formatVersion,
    source: input.source,
    source_path: input.sourcePath,
    source_commit: input.sourceCommit,
    source_dirty: input.sourceDirty,
    definition_hash: input.definitionHash,
  };
}

type RuleVersionRow = {
  kind: RuleKind;
  rule_id: string;
  hash: string;
  format_version: number;
  source: string;
  source_path: string;
  source_commit: string | null;
  source_dirty: boolean | null;
  definition_hash: string | null;
  first_published_at: string;
  published_at: string;
};

function rowToVersion(row: RuleVersionRow): RuleVersion {
  return {
    kind: row.kind,
    ruleId: row.rule_id,
    hash: row.hash,
    formatVersion: row.format_version,
    source: row.source,
    sourcePath: row.source_path,
    sourceCommit: row.source_commit,
    sourceDirty: row.source_dirty,
    definitionHash: row.definition_hash,
    firstPublishedAt: row.first_published_at,
    publishedAt: row.published_at,
  };
}
