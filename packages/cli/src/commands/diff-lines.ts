import type { FieldChange } from '../rules/field-changes';
import type { RuleChange } from '../rules/rule-diff';
import type { DiffOutput, DiffSide } from './diff-output';
import { countOf } from './text-format';

/**
 * Renders a rule file diff for a terminal: a heading with both sides, then one line per
 * added, removed, changed or moved element, with its fields indented below it.
 */
export function diffLines(output: DiffOutput): string[] {
  const { diff } = output;
  const subject = `${diff.kind} '${diff.id}'`;
  const sides = `${sideLabel(output.from)} -> ${sideLabel(output.to)}`;
  if (diff.status === 'unchanged') return [`${subject}: no changes (${sides})`];
  if (diff.status === 'added') return [`${subject}: added (${sides})`];
  if (diff.status === 'removed') return [`${subject}: removed (${sides})`];
  return [
    `${subject}: ${countOf(diff.changes.length, 'change')} (${sides})`,
    ...diff.changes.flatMap(changeLines),
  ];
}

function sideLabel(side: DiffSide): string {
  if (side.revision === null) return side.file;
  return `${side.file} at ${side.revision}`;
}

function changeLines(change: RuleChange): string[] {
  return [
    `  ${change.change} ${change.element} '${change.id}'`,
    ...change.fields.map((field) => `      ${fieldLine(field)}`),
  ];
}

function fieldLine(field: FieldChange): string {
  const path = field.path === '' ? '(value)' : field.path;
  if (!('from' in field)) return `${path}: ${show(field.to)}`;
  if (!('to' in field)) return `${path}: ${show(field.from)} (removed)`;
  return `${path}: ${show(field.from)} -> ${show(field.to)}`;
}

function show(value: unknown): string {
  return value === undefined ? 'unset' : JSON.stringify(value);
}
