import { FormatVersionError } from './rules-file-error';
import type { FormatHistory, RuleFileJson } from './format-migrations';

/**
 * Returns `json` migrated to `history.current` by applying, in order, the migration of each
 * version step from the file's `formatVersion` on. The input is not changed. Raises
 * FormatVersionError, naming `file`, when the version is missing or invalid, older than
 * `history.oldest`, newer than `history.current`, or has no migration.
 */
export function migrateRuleFile(
  file: string,
  json: RuleFileJson,
  history: FormatHistory,
): RuleFileJson {
  let version = versionOf(file, json, history);
  let migrated = json;
  while (version < history.current) {
    const step = history.migrations.find((migration) => migration.from === version);
    if (step === undefined) {
      throw new FormatVersionError(
        file,
        version,
        `format version ${version} has no migration to version ${version + 1}`,
        `rewrite the file in format version ${history.current}`,
      );
    }
    migrated = { ...step.migrate(structuredClone(migrated)), formatVersion: version + 1 };
    version += 1;
  }
  return migrated;
}

function versionOf(file: string, json: RuleFileJson, history: FormatHistory): number {
  const version = json['formatVersion'];
  const fix = `set "formatVersion": ${history.current}`;
  if (version === undefined && history.unversioned !== undefined) return history.unversioned;
  if (version === undefined) {
    throw new FormatVersionError(file, version, '"formatVersion" is missing', fix);
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new FormatVersionError(
      file,
      version,
      `"formatVersion" ${JSON.stringify(version)} is not a format version`,
      fix,
    );
  }
  if (version < history.oldest) {
    throw new FormatVersionError(
      file,
      version,
      `format version ${version} is older than this dunflow reads (from ${history.oldest})`,
      `rewrite the file in format version ${history.current}`,
    );
  }
  if (version > history.current) {
    throw new FormatVersionError(
      file,
      version,
      `format version ${version} is newer than this dunflow reads (up to ${history.current})`,
      `upgrade dunflow, or rewrite the file in format version ${history.current}`,
    );
  }
  return version;
}
