import { CompiledDefinition } from '@dunflow/model';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import { sql } from 'kysely';

/** A published scenario version, without its definition. */
export interface ScenarioVersion {
  hash: string;
  scenarioId: string;
  name: string;
  sourceCommit?: string;
  publishedAt: string;
}

export interface PublishedDefinition {
  version: ScenarioVersion;
  /** False when a version with this hash was already published. */
  created: boolean;
}

const VERSION_COLUMNS = ['hash', 'scenario_id', 'name', 'source_commit', 'published_at'] as const;

/**
 * Publishes a compiled definition under its hash. Publishing the current version again
 * changes nothing. Publishing an earlier version again makes it the current one, and its
 * `publishedAt` becomes the time of that publish.
 */
export async function publishDefinition(
  db: Queryable,
  definition: CompiledDefinition,
  sourceCommit?: string,
): Promise<PublishedDefinition> {
  const kysely = kyselyOf(db);
  const valid = CompiledDefinition.parse(definition);
  const inserted = await kysely
    .insertInto('scenario_versions')
    .values({
      hash: valid.hash,
      scenario_id: valid.scenarioId,
      name: valid.name,
      definition: JSON.stringify(valid),
      source_commit: sourceCommit ?? null,
    })
    .onConflict((conflict) => conflict.column('hash').doNothing())
    .returning(VERSION_COLUMNS)
    .executeTakeFirst();
  if (inserted) return { version: rowToVersion(inserted), created: true };

  const current = await currentDefinition(kysely, valid.scenarioId);
  const stored =
    current?.hash === valid.hash
      ? await kysely
          .selectFrom('scenario_versions')
          .select(VERSION_COLUMNS)
          .where('hash', '=', valid.hash)
          .executeTakeFirstOrThrow()
      : // An earlier version published again, e.g. after a revert, becomes current again.
        await kysely
          .updateTable('scenario_versions')
          .set({ published_at: sql`clock_timestamp()` })
          .where('hash', '=', valid.hash)
          .returning(VERSION_COLUMNS)
          .executeTakeFirstOrThrow();
  return { version: rowToVersion(stored), created: false };
}

/** Returns the latest published definition of a scenario, or undefined when there is none. */
export async function currentDefinition(
  db: Queryable,
  scenarioId: string,
): Promise<CompiledDefinition | undefined> {
  const row = await kyselyOf(db)
    .selectFrom('scenario_versions')
    .select('definition')
    .where('scenario_id', '=', scenarioId)
    .orderBy('published_at', 'desc')
    .orderBy('hash', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && CompiledDefinition.parse(row.definition);
}

/** Returns the definition published under `hash`, or undefined when there is none. */
export async function getDefinition(
  db: Queryable,
  hash: string,
): Promise<CompiledDefinition | undefined> {
  const row = await kyselyOf(db)
    .selectFrom('scenario_versions')
    .select('definition')
    .where('hash', '=', hash)
    .executeTakeFirst();
  return row && CompiledDefinition.parse(row.definition);
}

/** Published versions, newest first; only those of `scenarioId` when it is given. */
export async function listVersions(db: Queryable, scenarioId?: string): Promise<ScenarioVersion[]> {
  const rows = await kyselyOf(db)
    .selectFrom('scenario_versions')
    .select(VERSION_COLUMNS)
    .$if(scenarioId !== undefined, (query) => query.where('scenario_id', '=', scenarioId ?? ''))
    .orderBy('published_at', 'desc')
    .orderBy('hash', 'desc')
    .execute();
  return rows.map(rowToVersion);
}

function rowToVersion(row: {
  hash: string;
  scenario_id: string;
  name: string;
  source_commit: string | null;
  published_at: string;
}): ScenarioVersion {
  const version: ScenarioVersion = {
    hash: row.hash,
    scenarioId: row.scenario_id,
    name: row.name,
    publishedAt: row.published_at,
  };
  if (row.source_commit !== null) version.sourceCommit = row.source_commit;
  return version;
}
