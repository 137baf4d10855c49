import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { currentRuleVersions, type Database, type RuleVersion } from '@dunflow/db';
import { canonicalRuleJson } from './canonical-rule-json';
import { readRuleText } from './load-rule-file';
import { parseRuleFile } from './parse-rule-file';
import { KIND_FOLDERS, SCHEMAS_FOLDER } from './rule-file-kind';
import { writeRuleSchemas } from './rule-schemas';

/** A file written by pull; `unchanged` means the folder already had the same bytes. */
export interface PulledFile {
  file: string;
  kind: string;
  id: string;
  hash: string;
  status: 'written' | 'unchanged';
  sourceCommit: string | null;
  publishedAt: string;
}

/**
 * Writes the current published version of every rule into the rules folder `dir`, in
 * canonical form and migrated to the current format version, at the path it was published
 * from (`scenarios/default.json`), plus the JSON Schemas. Files of rules that were never
 * published are left alone.
 */
export async function pullRules(db: Database, dir: string): Promise<PulledFile[]> {
  const versions = await currentRuleVersions(db);
  const paths = targetPaths(versions);
  const pulled: PulledFile[] = [];
  for (const version of versions) {
    const relative = paths.get(version) ?? '';
    pulled.push(await writeVersion(join(dir, relative), version));
  }
  await writeRuleSchemas(join(dir, SCHEMAS_FOLDER));
  return pulled;
}

/**
 * Chooses each version's path in the rules folder from the file name it was published from.
 * Only the base name is used, so a stored path cannot point outside the folder. When two
 * current rules were published from one file, as after a change of id, the later one gets
 * the file and the earlier one `<id>.json`.
 */
function targetPaths(versions: readonly RuleVersion[]): Map<RuleVersion, string> {
  const newestFirst = [...versions].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  const owners = new Map<string, RuleVersion>();
  const paths = new Map<RuleVersion, string>();
  for (const version of newestFirst) {
    const folder = KIND_FOLDERS[version.kind];
    const published = join(folder, basename(version.sourcePath));
    const path = owners.has(published) ? join(folder, `${version.ruleId}.json`) : published;
    const owner = owners.get(path);
    if (owner !== undefined) {
      throw new Error(
        `${version.kind}s '${owner.ruleId}' and '${version.ruleId}' both map to ${path}; ` +
          'rename one of their files and publish it again',
      );
    }
    owners.set(path, version);
    paths.set(version, path);
  }
  return paths;
}

async function writeVersion(file: string, version: RuleVersion): Promise<PulledFile> {
  const label = `published ${version.kind} '${version.ruleId}'`;
  const json = parseRuleFile(label, version.source, version.kind);
  const text = canonicalRuleJson(version.kind, json);
  const existing = await readRuleText(file);
  if (existing !== text) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return {
    file,
    kind: version.kind,
    id: version.ruleId,
    hash: version.hash,
    status: existing === text ? 'unchanged' : 'written',
    sourceCommit: version.sourceCommit,
    publishedAt: version.publishedAt,
  };
}
