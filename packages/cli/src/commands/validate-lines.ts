import type { RuleFileProblem } from '../rules/rule-file-problem';
import type { ValidationReport } from '../rules/validate-rules';
import { countOf } from './text-format';

/**
 * Renders a validation report: one line per problem, `file: path: problem`, with its fix on
 * the next line, then a summary line.
 */
export function validateLines(report: ValidationReport): string[] {
  const lines = report.files.flatMap((result) => result.problems.map(problemLines)).flat();
  const invalid = report.files.filter((result) => !result.valid).length;
  const fixed = report.files.filter((result) => result.fixed).length;
  const problems = report.files.reduce((sum, result) => sum + result.problems.length, 0);
  const checked = countOf(report.files.length, 'file');
  const rewritten = fixed === 0 ? '' : `, ${countOf(fixed, 'file')} rewritten in canonical form`;
  const summary = report.valid
    ? `${checked} valid${rewritten}`
    : `${countOf(problems, 'problem')} in ${countOf(invalid, 'file')} of ${checked}${rewritten}`;
  return [...lines, summary];
}

function problemLines(problem: RuleFileProblem): string[] {
  const where = problem.path === '' ? problem.file : `${problem.file}: ${problem.path}`;
  return [`${where}: ${problemText(problem)}`, `  fix: ${problem.fix}`];
}

/** Removes the `; <fix>` that ends a problem's message, because the fix gets its own line. */
function problemText(problem: RuleFileProblem): string {
  const suffix = `; ${problem.fix}`;
  return problem.message.endsWith(suffix)
    ? problem.message.slice(0, -suffix.length)
    : problem.message;
}
