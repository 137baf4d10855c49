import type { PublishedFile, PublishReport } from '../rules/publish-rules';
import { countOf } from './text-format';
import { validateLines } from './validate-lines';

/** Renders a publish report: the problems when nothing was published, else one line a file. */
export function publishLines(report: PublishReport): string[] {
  if (!report.published) {
    return [...validateLines(report.validation), 'nothing was published; fix the problems above'];
  }
  const created = report.files.filter((file) => file.status !== 'unchanged').length;
  return [
    ...report.files.map(fileLine),
    `${countOf(created, 'version')} published, ${countOf(report.files.length, 'file')} checked`,
  ];
}

function fileLine(file: PublishedFile): string {
  const origin =
    file.sourceCommit === null
      ? 'not in git'
      : `commit ${file.sourceCommit.slice(0, 12)}${file.sourceDirty === true ? ' (uncommitted changes)' : ''}`;
  return `${file.status.padEnd(11)} ${file.kind} '${file.id}' ${file.hash.slice(0, 12)} from ${file.file}, ${origin}`;
}
