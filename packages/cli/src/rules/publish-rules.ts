import { basename } from 'node:path';
import {
  inTransaction,
  publishDefinition,
  publishRuleVersion,
  type Database,
  type PublishStatus,
  type RuleVersionInput,
} from '@dunflow/db';
import { contentHash } from '@dunflow/engine';
import type { CompiledDefinition } from '@dunflow/model';
import type { CheckedRuleFile } from './check-rule-file';
import { canonicalRuleJson } from './canonical-rule-json';
import { gitOriginOf } from './git-source';
import { KIND_FOLDERS } from './rule-file-kind';
import { checkRules, type ValidateOptions, type ValidationReport } from './validate-rules';

/** The outcome of publishing one rule file. */
export interface PublishedFile {
  file: string;
  kind: string;
  id: string;
  hash: string;
  status: PublishStatus;
  /** For a scenario, the hash of its compiled definition. */
  definitionHash: string | null;
  sourceCommit: string | null;
  sourceDirty: boolean | null;
}

/**
 * The result of publishing: the validation report, and the files published when every file
 * is valid. Nothing is published when any file is invalid.
 */
export interface PublishReport {
  published: boolean;
  validation: ValidationReport;
  files: PublishedFile[];
}

/**
 * Validates the rule files of `paths` and, when all are valid, publishes each one as a rule
 * version in one transaction, with the git commit it came from. A scenario's compiled
 * definition is published to `scenario_versions` too, so workflows can run it.
 */
export async function publishRules(
  db: Database,
  paths: readonly string[],
  options: Omit<ValidateOptions, 'fix'>,
): Promise<PublishReport> {
  const checked = await checkRules(paths, { ...options, fix: false });
  if (!checked.report.valid) return { published: false, validation: checked.report, files: [] };

  const inputs = await Promise.all(
    checked.report.files
      .filter((result) => result.kind !== 'schema')
      .map((result) => versionInput(checked.contents.get(result.file))),
  );
  const files = await inTransaction(db, async (trx) => {
    const published: PublishedFile[] = [];
    for (const input of inputs) {
      const definition = checked.definitions.get(input.file);
      published.push(await publishOne(trx, input, definition));
    }
    return published;
  });
  return { published: true, validation: checked.report, files };
}

type FileVersion = Omit<RuleVersionInput, 'definitionHash'> & { file: string };

async function versionInput(checked: CheckedRuleFile | undefined): Promise<FileVersion> {
  if (checked?.json === undefined) {
    throw new Error('a valid rule file has no content; this is a bug in dunflow validate');
  }
  const { file, kind, json } = checked;
  const origin = await gitOriginOf(file);
  return {
    file,
    kind,
    ruleId: String(json['id']),
    hash: contentHash(json),
    formatVersion: Number(json['formatVersion']),
    source: canonicalRuleJson(kind, json),
    sourcePath: `${KIND_FOLDERS[kind]}/${basename(file)}`,
    sourceCommit: origin?.commit ?? null,
    sourceDirty: origin?.dirty ?? null,
  };
}

async function publishOne(
  db: Parameters<typeof publishDefinition>[0],
  input: FileVersion,
  definition: CompiledDefinition | undefined,
): Promise<PublishedFile> {
  const { file, ...version } = input;
  const definitionHash =
    definition === undefined
      ? null
      : (await publishDefinition(db, definition, input.sourceCommit ?? undefined)).version.hash;
  const { status } = await publishRuleVersion(db, { ...version, definitionHash });
  return {
    file,
    kind: input.kind,
    id: input.ruleId,
    hash: input.hash,
    status,
    definitionHash,
    sourceCommit: input.sourceCommit,
    sourceDirty: input.sourceDirty,
  };
}
