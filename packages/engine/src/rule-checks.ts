import { INVOICE_FACTS } from '@dunflow/model';
import type {
  Condition,
  FactCondition,
  FactDefinition,
  SegmentationRuleSet,
  TopLevelCondition,
} from '@dunflow/model';
import { closestName } from './closest-name';
import { compileError, joinPath } from './compile-error';
import type { CompileError } from './compile-error';
import { findValueProblems, operatorsFor } from './fact-type-rules';
import { formatChoices } from './format-value';

/** A problem in a condition tree; `path` is relative to the tree, e.g. `all[0].value`. */
export type RuleIssue = { code: string; path: string; problem: string; fix: string };

/**
 * Checks a condition tree against the fact catalogue: every fact is known, has no `path`
 * (no fact is an object), and is compared with an operator and a value that fit its type.
 * An empty `any` is rejected because json-rules-engine evaluates it as true.
 */
export function checkCondition(
  condition: TopLevelCondition | Condition,
  catalog: readonly FactDefinition[] = INVOICE_FACTS,
): RuleIssue[] {
  return checkNode(condition, '', new Map(catalog.map((fact) => [fact.name, fact])));
}

/**
 * Checks a segmentation rule set: segment ids are unique and every segment's conditions
 * pass {@link checkCondition}. Paths are relative to the rule set, e.g.
 * `segments[0].conditions.all[1].value`.
 */
export function checkRuleSet(
  ruleSet: SegmentationRuleSet,
  catalog: readonly FactDefinition[] = INVOICE_FACTS,
): CompileError[] {
  const seen = new Set<string>();
  return ruleSet.segments.flatMap((segment, index) => {
    const subject = `rule set '${ruleSet.id}', segment '${segment.id}'`;
    const prefix = `segments[${index}]`;
    const errors = checkCondition(segment.conditions, catalog).map((issue) =>
      compileError({ ...issue, subject, path: joinPath(`${prefix}.conditions`, issue.path) }),
    );
    if (seen.has(segment.id)) errors.unshift(duplicateSegment(subject, `${prefix}.id`));
    seen.add(segment.id);
    return errors;
  });
}

function duplicateSegment(subject: string, path: string): CompileError {
  return compileError({
    code: 'segment.duplicateId',
    path,
    subject,
    problem: 'the segment id is used by an earlier segment too',
    fix: 'give each segment its own id',
  });
}

function checkNode(
  condition: TopLevelCondition | Condition,
  path: string,
  facts: ReadonlyMap<string, FactDefinition>,
): RuleIssue[] {
  if ('all' in condition) return checkGroup(condition.all, joinPath(path, 'all'), facts);
  if ('any' in condition) {
    const anyPath = joinPath(path, 'any');
    if (condition.any.length === 0) return [emptyAny(anyPath)];
    return checkGroup(condition.any, anyPath, facts);
  }
  if ('not' in condition) return checkNode(condition.not, joinPath(path, 'not'), facts);
  return checkLeaf(condition, path, facts);
}

function checkGroup(
  conditions: readonly Condition[],
  path: string,
  facts: ReadonlyMap<string, FactDefinition>,
): RuleIssue[] {
  return conditions.flatMap((condition, index) => checkNode(condition, `${path}[${index}]`, facts));
}

function emptyAny(path: string): RuleIssue {
  return {
    code: 'rule.emptyAny',
    path,
    problem: "'any' has no conditions, and json-rules-engine evaluates an empty 'any' as true",
    fix: "add a condition to 'any', or use 'all': [] for a condition that always holds",
  };
}

function checkLeaf(
  leaf: FactCondition,
  path: string,
  facts: ReadonlyMap<string, FactDefinition>,
): RuleIssue[] {
  const fact = facts.get(leaf.fact);
  if (!fact) return [unknownFact(leaf.fact, joinPath(path, 'fact'), [...facts.keys()])];

  const issues: RuleIssue[] = [];
  if (leaf.path !== undefined) issues.push(pathOnScalar(fact, leaf.path, joinPath(path, 'path')));
  const operators = operatorsFor(fact.type);
  if (!operators.includes(leaf.operator)) {
    issues.push({
      code: 'rule.operatorMismatch',
      path: joinPath(path, 'operator'),
      problem: `operator '${leaf.operator}' does not apply to ${fact.type} fact '${fact.name}'`,
      fix: `use ${formatChoices(operators)}`,
    });
    return issues;
  }
  for (const problem of findValueProblems(fact, leaf.operator, leaf.value)) {
    issues.push({ code: 'rule.valueMismatch', ...problem, path: joinPath(path, problem.path) });
  }
  return issues;
}

function unknownFact(name: string, path: string, known: readonly string[]): RuleIssue {
  const closest = closestName(name, known);
  return {
    code: 'rule.unknownFact',
    path,
    problem: `fact '${name}' is unknown`,
    fix: closest ? `use '${closest}'` : `use a known fact: ${known.join(', ')}`,
  };
}

function pathOnScalar(fact: FactDefinition, factPath: string, path: string): RuleIssue {
  return {
    code: 'rule.pathOnScalar',
    path,
    problem:
      `path '${factPath}' cannot apply to ${fact.type} fact '${fact.name}', which is not an ` +
      'object, and json-rules-engine would silently ignore it',
    fix: 'remove the path',
  };
}
