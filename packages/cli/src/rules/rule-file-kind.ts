import { basename, dirname } from 'node:path';

/** The kinds of file a rules folder contains. */
export type RuleFileKind = 'scenario' | 'segmentation' | 'template';

export const RULE_FILE_KINDS: readonly RuleFileKind[] = ['scenario', 'segmentation', 'template'];

/** The subfolder of a rules folder that contains each kind. */
export const KIND_FOLDERS: Readonly<Record<RuleFileKind, string>> = {
  scenario: 'scenarios',
  segmentation: 'segmentations',
  template: 'templates',
};

/** The folder of a rules folder where the JSON Schemas are written. */
export const SCHEMAS_FOLDER = 'schemas';

/** Returns the file name of a kind's JSON Schema in the schemas folder. */
export function schemaFileName(kind: RuleFileKind): string {
  return `${kind}.schema.json`;
}

/** Returns the `$schema` of a rule file: its kind's JSON Schema, relative to the file. */
export function schemaReference(kind: RuleFileKind): string {
  return `../${SCHEMAS_FOLDER}/${schemaFileName(kind)}`;
}

/**
 * Returns the kind of a rule file: from its folder (`scenarios/`, `segmentations/`,
 * `templates/`), else from its `kind` field, else undefined.
 */
export function kindOfFile(file: string, json: unknown): RuleFileKind | undefined {
  const folder = basename(dirname(file));
  const byFolder = RULE_FILE_KINDS.find((kind) => KIND_FOLDERS[kind] === folder);
  if (byFolder !== undefined) return byFolder;
  const field = (json as { kind?: unknown } | null)?.kind;
  return RULE_FILE_KINDS.find((kind) => kind === field);
}

/** Returns whether `value` is one of the rule file kinds. */
export function isRuleFileKind(value: unknown): value is RuleFileKind {
  return RULE_FILE_KINDS.some((kind) => kind === value);
}
