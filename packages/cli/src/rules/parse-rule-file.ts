import { FORMAT_HISTORIES, type RuleFileJson } from './format-migrations';
import { migrateRuleFile } from './migrate-rule-file';
import type { RuleFileKind } from './rule-file-kind';
import { RulesFileError } from './rules-file-error';

/**
 * Parses the text of a rule file of `kind`, migrates it to the current format version and
 * drops its `$schema`, which only editors read. The schema check is left to the caller.
 * Raises RulesFileError when the text is not a JSON object, and FormatVersionError when the
 * format version cannot be read.
 */
export function parseRuleFile(file: string, text: string, kind: RuleFileKind): RuleFileJson {
  const json = parseJsonObject(file, text);
  return migrateRuleFile(file, omitSchemaKey(json), FORMAT_HISTORIES[kind]);
}

/** Returns a copy of a rule file without its `$schema` key. */
export function omitSchemaKey(json: RuleFileJson): RuleFileJson {
  const copy = { ...json };
  delete copy['$schema'];
  return copy;
}

/** Parses `text` as JSON and requires an object, the shape of every rule file. */
export function parseJsonObject(file: string, text: string): RuleFileJson {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RulesFileError(file, `is not valid JSON: ${reason}`, 'correct the JSON syntax');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new RulesFileError(
      file,
      `is not a JSON object but ${describeJson(json)}`,
      'write the file as one JSON object',
    );
  }
  return json as RuleFileJson;
}

function describeJson(json: unknown): string {
  if (json === null) return 'null';
  if (Array.isArray(json)) return 'an array';
  return `a ${typeof json}`;
}
