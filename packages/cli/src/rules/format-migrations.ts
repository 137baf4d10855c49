import type { RuleFileKind } from './rule-file-kind';

/** A rule file as parsed JSON, before the schema checks it. */
export type RuleFileJson = Record<string, unknown>;

/** One step of a rule file format: rewrites a file of version `from` as version `from + 1`. */
export interface FormatMigration {
  from: number;
  /** Returns the file in version `from + 1`; `formatVersion` is set by the caller. */
  migrate(json: RuleFileJson): RuleFileJson;
}

/** The format versions of one kind of rule file: the one the schema reads, and how to get there. */
export interface FormatHistory {
  current: number;
  /** The oldest version still read. */
  oldest: number;
  /** One migration per version step, from `oldest` up to `current - 1`. */
  migrations: readonly FormatMigration[];
  /** The version of a file without `formatVersion`, or undefined when the field is required. */
  unversioned?: number;
}

/**
 * Template format 0 is the first one Dunflow wrote: the Template fields alone, without
 * `formatVersion` or `kind`. Format 1 adds `"kind": "template"`, like the other kinds.
 */
const addTemplateKind: FormatMigration = {
  from: 0,
  migrate: (json) => ({ kind: 'template', ...json }),
};

/**
 * The format history of every kind. A new version adds its migration here, with a test, and
 * raises `current` together with the `formatVersion` literal of the kind's schema.
 */
export const FORMAT_HISTORIES: Readonly<Record<RuleFileKind, FormatHistory>> = {
  scenario: { current: 1, oldest: 1, migrations: [] },
  segmentation: { current: 1, oldest: 1, migrations: [] },
  template: { current: 1, oldest: 0, migrations: [addTemplateKind], unversioned: 0 },
};
