import type { CompileError } from '@dunflow/engine';

/**
 * A problem in a rule file: a compile error of a scenario unchanged, or a problem found
 * while reading, checking or formatting the file, in the same shape. `path` is a JSON path
 * into the file, empty for the whole file. `message` ends with `; <fix>`.
 */
export type RuleFileProblem = CompileError & { file: string };

/** Builds a problem whose message reads `<problem>; <fix>`, as compile errors do. */
export function ruleFileProblem(
  file: string,
  report: { code: string; path: string; problem: string; fix: string },
): RuleFileProblem {
  const { code, path, problem, fix } = report;
  return { file, code, path, message: `${problem}; ${fix}`, fix };
}

/** Writes a path such as `['segments', 0, 'id']` as `segments[0].id`. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    return path === '' ? String(segment) : `${path}.${String(segment)}`;
  }, '');
}
