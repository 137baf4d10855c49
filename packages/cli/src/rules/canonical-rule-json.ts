import type { RuleFileJson } from './format-migrations';
import { orderKeys } from './order-keys';
import { omitSchemaKey } from './parse-rule-file';
import { KIND_SCHEMAS, schemaReference, type RuleFileKind } from './rule-file-kind';

/**
 * Writes a rule file of `kind` in canonical form: `$schema` first, pointing to the kind's JSON
 * Schema, then the keys in the order the kind's zod schema declares them, with nodes, edges
 * and other array items in their order, a two-space indent and a final newline. Writing a
 * file that is already canonical gives the same text.
 */
export function canonicalRuleJson(kind: RuleFileKind, json: RuleFileJson): string {
  const ordered = orderKeys(KIND_SCHEMAS[kind], omitSchemaKey(json)) as RuleFileJson;
  return `${JSON.stringify({ $schema: schemaReference(kind), ...ordered }, null, 2)}\n`;
}
