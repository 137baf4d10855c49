import type { CompileError } from '@dunflow/engine';
import type { ScenarioSource } from './scenario-source';

/**
 * Renders compile errors one per line: where (node, edge or path), the problem, and the fix.
 * A CompileError's message ends with `; <fix>`, which is moved to the end as `fix: ...`.
 */
export function compileErrorLines(
  scenario: ScenarioSource,
  errors: readonly CompileError[],
): string[] {
  const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
  return [
    `dunflow: scenario '${scenario.id}' (${scenario.file}) does not compile, ${count}:`,
    ...errors.map((error) => `  ${locationOf(error)}: ${problemOf(error)}; fix: ${error.fix}`),
  ];
}

function locationOf(error: CompileError): string {
  if (error.nodeId !== undefined) return `node '${error.nodeId}' at ${error.path}`;
  if (error.edgeId !== undefined) return `edge '${error.edgeId}' at ${error.path}`;
  return error.path === '' ? 'scenario' : error.path;
}

function problemOf(error: CompileError): string {
  const suffix = `; ${error.fix}`;
  return error.message.endsWith(suffix) ? error.message.slice(0, -suffix.length) : error.message;
}
