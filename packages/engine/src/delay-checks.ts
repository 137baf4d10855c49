import type { CompiledDelay, ScenarioNode } from '@dunflow/model';
import { compileError } from './compile-error';
import type { CompileError, ProblemReport } from './compile-error';
import { parseDuration } from './delay';
import { nodeSubject } from './scenario-index';
import type { IndexedNode } from './scenario-index';

type Problem = Pick<ProblemReport, 'code' | 'problem' | 'fix'>;

/**
 * Checks the delay of a wait and the timeout of a wait for event: each must parse, a wait
 * anchored to `previous` cannot go back in time, a business-day wait counts whole days, and
 * a timeout cannot be negative.
 */
export function checkDelays({ node, path }: IndexedNode): CompileError[] {
  if (node.type !== 'wait' && node.type !== 'waitForEvent') return [];

  const field = node.type === 'wait' ? 'delay' : 'timeout';
  const text = node.type === 'wait' ? node.data.delay : node.data.timeout;
  const location = { path: `${path}.data.${field}`, subject: nodeSubject(node), nodeId: node.id };
  const parsed = parseDuration(text, field);
  if (!parsed.ok) {
    const code = `${field}.invalid`;
    return [compileError({ ...location, code, problem: parsed.message, fix: parsed.fix })];
  }
  return delayProblems(node, text, parsed.delay).map((problem) =>
    compileError({ ...location, ...problem }),
  );
}

function delayProblems(node: ScenarioNode, text: string, delay: CompiledDelay): Problem[] {
  const problems: Problem[] = [];
  if (node.type === 'waitForEvent' && delay.sign === -1) {
    problems.push({
      code: 'timeout.negative',
      problem: `timeout '${text}' is negative`,
      fix: "remove the '-', because the timeout counts from when the node is reached",
    });
  }
  if (node.type !== 'wait') return problems;

  if (node.data.anchor === 'previous' && delay.sign === -1) {
    problems.push({
      code: 'delay.negativeFromPrevious',
      problem: `delay '${text}' is negative, but a wait anchored to 'previous' cannot go back before the previous step`,
      fix: "remove the '-', or anchor the wait to 'dueDate'",
    });
  }
  if (node.data.calendar === 'business' && delay.seconds !== 0) {
    problems.push({
      code: 'delay.businessNotWholeDays',
      problem: `delay '${text}' counts business days, so it must be whole days`,
      fix: "use whole days such as 'P2D', or set calendar to 'calendar'",
    });
  }
  return problems;
}
