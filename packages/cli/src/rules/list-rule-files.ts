import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { KIND_FOLDERS, RULE_FILE_KINDS, type RuleFileKind } from './rule-file-kind';

/** A JSON file of a rules folder and the kind its subfolder holds. */
export interface RuleFileEntry {
  file: string;
  kind: RuleFileKind;
}

/**
 * Lists the JSON files of a rules folder's `scenarios/`, `segmentations/` and `templates/`
 * subfolders, sorted by name. A missing subfolder has no files. Returns undefined when
 * none of the subfolders exists, so `dir` is not a rules folder.
 */
export async function listRuleFiles(dir: string): Promise<RuleFileEntry[] | undefined> {
  const lists = await Promise.all(RULE_FILE_KINDS.map((kind) => listKind(dir, kind)));
  if (lists.every((list) => list === undefined)) return undefined;
  return lists.flatMap((list) => list ?? []);
}

async function listKind(dir: string, kind: RuleFileKind): Promise<RuleFileEntry[] | undefined> {
  const folder = join(dir, KIND_FOLDERS[kind]);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: join(folder, name), kind }));
}
