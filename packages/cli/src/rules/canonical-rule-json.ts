import { orderElements } from './element-order';
import type { RuleFileJson } from './format-migrations';
import { orderKeys } from './order-keys';
import { omitSchemaKey } from './parse-rule-file';
import { schemaReference, type RuleFileKind } from './rule-file-kind';
import { RULE_FILE_SCHEMAS } from './rule-file-schemas';

/**
 * Writes a rule file of `kind` in canonical form. `$schema` comes first, pointing to the kind's
 * JSON Schema, then the keys in the order the kind's zod schema declares them. Unordered
 * arrays are sorted as orderElements describes, with a two-space indent and a final newline.
 * Writing a file that is already canonical gives the same text.
 */
export function canonicalRuleJson(kind: RuleFileKind, json: RuleFileJson): string {
  const elements = orderElements(kind, omitSchemaKey(json));
  const ordered = orderKeys(RULE_FILE_SCHEMAS[kind], elements) as RuleFileJson;
  return `${JSON.stringify({ $schema: schemaReference(kind), ...ordered }, null, 2)}\n`;
}
