import type { z } from 'zod';
import { jsonPath, ruleFileProblem, type RuleFileProblem } from './rule-file-problem';
import { schemaReference, type RuleFileKind } from './rule-file-kind';

/** Turns the zod issues of a segmentation rule set or template into problems, one per issue. */
export function schemaProblems(
  file: string,
  kind: RuleFileKind,
  issues: readonly z.core.$ZodIssue[],
): RuleFileProblem[] {
  return issues.map((issue) => {
    const path = jsonPath(issue.path);
    const field = path === '' ? 'the file' : path;
    return ruleFileProblem(file, {
      code: `schema.${issue.code}`,
      path,
      problem: `${kind} ${field} is invalid: ${issue.message}`,
      fix: `correct ${field} to match the ${kind} schema (${schemaReference(kind)})`,
    });
  });
}
