import { compileError, formatPath } from './compile-error';
import type { CompileError } from './compile-error';
import { formatChoices, formatValue } from './format-value';
import { flattenUnionIssue, valueAt } from './schema-issue';
import type { SchemaIssue } from './schema-issue';

type Location = { subject: string; field: string; nodeId?: string; edgeId?: string };
type Explanation = { code?: string; problem: string; fix: string };

/**
 * Turns the zod issues of a scenario that failed the Scenario schema into CompileErrors.
 * An issue inside a node or an edge names it and carries its id.
 */
export function schemaErrors(issues: readonly SchemaIssue[], input: unknown): CompileError[] {
  return issues
    .flatMap((issue) => flattenUnionIssue(issue, input))
    .map((issue) => {
      const location = locate(issue.path, input);
      const explanation = explain(issue, location.field, valueAt(input, issue.path));
      return compileError({
        ...location,
        code: explanation.code ?? `schema.${issue.code}`,
        path: formatPath(issue.path),
        problem: explanation.problem,
        fix: explanation.fix,
      });
    });
}

function locate(path: readonly PropertyKey[], input: unknown): Location {
  const [collection, index] = path;
  const item = valueAt(input, path.slice(0, 2));
  const field = formatPath(path.slice(2)) || (collection === 'nodes' ? 'node' : 'edge');
  const id = valueAt(item, ['id']);
  const hasId = typeof id === 'string' && id !== '';

  if (collection === 'nodes' && typeof index === 'number') {
    if (!hasId) return { subject: `nodes[${index}]`, field };
    const type = valueAt(item, ['type']);
    const kind = typeof type === 'string' ? `${type} node` : 'node';
    return { subject: `${kind} '${id}'`, field, nodeId: id };
  }
  if (collection === 'edges' && typeof index === 'number') {
    return hasId
      ? { subject: `edge '${id}'`, field, edgeId: id }
      : { subject: `edges[${index}]`, field };
  }
  return { subject: 'scenario', field: formatPath(path) || 'input' };
}

function explain(issue: SchemaIssue, field: string, value: unknown): Explanation {
  const fieldAndValue = `${field} ${formatValue(value)}`;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) {
        return { code: 'schema.missing', problem: `${field} is missing`, fix: `add ${field}` };
      }
      return {
        problem: `${fieldAndValue} is not ${article(issue.expected)}`,
        fix: `write ${article(issue.expected)}`,
      };
    case 'invalid_value':
      return {
        problem: `${fieldAndValue} is not allowed`,
        fix: `use ${formatChoices(issue.values.map(String))}`,
      };
    case 'invalid_union':
      return explainUnion(issue, fieldAndValue);
    case 'too_small':
    case 'too_big':
      return explainSize(issue, fieldAndValue);
    case 'invalid_format':
      return {
        problem: `${fieldAndValue} has the wrong format`,
        fix: formatFix(issue.message, field),
      };
    default:
      return { problem: `${fieldAndValue} is invalid (${issue.message})`, fix: `correct ${field}` };
  }
}

function explainUnion(
  issue: SchemaIssue & { code: 'invalid_union' },
  fieldAndValue: string,
): Explanation {
  const options = 'options' in issue ? (issue.options ?? []) : [];
  if (options.length > 0) {
    return {
      problem: `${fieldAndValue} is not allowed`,
      fix: `use ${formatChoices(options.map(String))}`,
    };
  }
  return {
    problem: `${fieldAndValue} matches none of the allowed forms`,
    fix: 'correct it to match the scenario schema',
  };
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function explainSize(
  issue: SchemaIssue & { code: 'too_small' | 'too_big' },
  fieldAndValue: string,
): Explanation {
  const isMinimum = issue.code === 'too_small';
  const limit = String(isMinimum ? issue.minimum : issue.maximum);
  const bound = isMinimum ? 'at least' : 'at most';
  switch (issue.origin) {
    case 'array':
      return {
        problem: `${fieldAndValue} has too ${isMinimum ? 'few' : 'many'} items`,
        fix: `give ${bound} ${limit}`,
      };
    case 'string':
      return {
        problem: `${fieldAndValue} is too ${isMinimum ? 'short' : 'long'}`,
        fix: `write ${bound} ${limit} characters`,
      };
    default:
      return {
        problem: `${fieldAndValue} is too ${isMinimum ? 'small' : 'large'}`,
        fix: `use a number of ${bound} ${limit}`,
      };
  }
}

/** Our schemas word format messages as "expected ...", which reads as a fix after "use". */
function formatFix(message: string, field: string): string {
  const expected = 'expected ';
  if (message.startsWith(expected)) return `use ${message.slice(expected.length)}`;
  return `correct ${field} (${message})`;
}
