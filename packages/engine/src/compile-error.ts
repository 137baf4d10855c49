/**
 * A problem found in a scenario or rule set. `path` is a JSON path into the compiled input,
 * such as `nodes[3].data.delay`. `message` names the node or edge, the offending value and
 * the fix. `fix` repeats the fix alone, for a designer to show as a hint.
 */
export type CompileError = {
  code: string;
  path: string;
  message: string;
  fix: string;
  nodeId?: string;
  edgeId?: string;
};

/** Writes a path such as `['nodes', 3, 'data']` as `nodes[3].data`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    const key = String(segment);
    return path === '' ? key : `${path}.${key}`;
  }, '');
}

/** Joins a prefix path and a relative one, e.g. `nodes[2].data.rule` and `all[0].value`. */
export function joinPath(prefix: string, relative: string): string {
  if (prefix === '') return relative;
  if (relative === '' || relative.startsWith('[')) return prefix + relative;
  return `${prefix}.${relative}`;
}

/** The parts of a CompileError before its message is written. */
export type ProblemReport = {
  code: string;
  path: string;
  /** Who has the problem, e.g. `wait node 'n3'` or `edge 'e2'`. */
  subject: string;
  problem: string;
  fix: string;
  nodeId?: string | undefined;
  edgeId?: string | undefined;
};

/** Builds a CompileError whose message reads `<subject>: <problem>; <fix>`. */
export function compileError(report: ProblemReport): CompileError {
  const { code, path, subject, problem, fix, nodeId, edgeId } = report;
  const error: CompileError = { code, path, message: `${subject}: ${problem}; ${fix}`, fix };
  if (nodeId !== undefined) error.nodeId = nodeId;
  if (edgeId !== undefined) error.edgeId = edgeId;
  return error;
}
