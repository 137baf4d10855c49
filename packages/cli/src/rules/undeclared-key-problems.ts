import { closestName } from '@dunflow/engine';
import type { RuleFileJson } from './format-migrations';
import { ruleFileProblem, type RuleFileProblem } from './rule-file-problem';
import { undeclaredKeys } from './undeclared-keys';
import type { z } from 'zod';

/** Reports each key the file's schema does not declare, suggesting the closest declared key. */
export function undeclaredKeyProblems(
  file: string,
  schema: z.ZodType,
  json: RuleFileJson,
): RuleFileProblem[] {
  return undeclaredKeys(schema, json).map(({ path, key, declared }) => {
    const closest = closestName(key, declared);
    const fix =
      closest === undefined
        ? `remove it; the fields here are ${declared.join(', ')}`
        : `rename it to '${closest}', or remove it`;
    return ruleFileProblem(file, {
      code: 'schema.unknownField',
      path,
      problem: `field '${key}' is not part of the schema and would be ignored`,
      fix,
    });
  });
}
