import type { RuleFileKind } from './rule-file-kind';

/** A rule file as parsed JSON, before the schema checks it. */
export type RuleFileJson = Record<string, unknown>;

/** One step of a rule file format: rewrites a file of version `from` as version `from + 1`. */
export interface FormatMigration {
  from: number;
  migrate(json: RuleFileJson): RuleFileJson;
}

/** The format versions of one kind of rule file: the one the schema reads, and how to get there. */
export interface FormatHistory {
  current: number;
  /** One migration per version step, from version 1 up to `current - 1`. */
  migrations: readonly FormatMigration[];
  /** The version of a file without `formatVersion`, or undefined when the field is required. */
  unversioned?: number;
}

/**
 * The format history of every kind. Version 1 is the only version so far, so no kind has a
 * migration yet. A new version adds its migration here, with a test, and raises `current`
 * together with the `formatVersion` literal of the kind's schema in @dunflow/model.
 */
export const FORMAT_HISTORIES: Readonly<Record<RuleFileKind, FormatHistory>> = {
  scenario: { current: 1, migrations: [] },
  segmentation: { current: 1, migrations: [] },
  // The Template schema has no formatVersion field, so template files are version 1 without one.
  template: { current: 1, migrations: [], unversioned: 1 },
};
