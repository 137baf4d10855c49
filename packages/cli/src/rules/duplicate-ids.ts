import { resolve } from 'node:path';
import type { CheckedRuleFile } from './check-rule-file';
import { ruleFileProblem, type RuleFileProblem } from './rule-file-problem';

/** A checked file and the rules folder it belongs to. */
export interface FolderFile {
  root: string;
  checked: CheckedRuleFile | undefined;
}

/**
 * Finds files of one kind in one rules folder that share an `id`. Ids must be unique because
 * commands look scenarios up by id and the compiler uses one template or rule set per id.
 * Every file after the first with a repeated id gets a problem.
 */
export function duplicateIdProblems(files: readonly FolderFile[]): RuleFileProblem[] {
  const firstFiles = new Map<string, string>();
  const problems: RuleFileProblem[] = [];
  for (const { root, checked } of files) {
    const id = checked?.json?.['id'];
    if (checked === undefined || typeof id !== 'string') continue;
    const key = JSON.stringify([resolve(root), checked.kind, id]);
    const first = firstFiles.get(key);
    if (first === undefined) {
      firstFiles.set(key, checked.file);
      continue;
    }
    problems.push(
      ruleFileProblem(checked.file, {
        code: 'file.duplicateId',
        path: 'id',
        problem: `${checked.kind} id '${id}' is also the id of ${first}`,
        fix: `give each ${checked.kind} its own id`,
      }),
    );
  }
  return problems;
}
