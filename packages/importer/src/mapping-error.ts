/** One problem in a mapping file: where it is and what is wrong. */
export interface MappingIssue {
  /** Dotted path inside the mapping, e.g. `columns.invoiceNumber`, or empty for the whole file. */
  path: string;
  message: string;
}

/** Raised when a mapping file is not valid JSON or does not match the mapping schema. */
export class MappingError extends Error {
  override readonly name = 'MappingError';

  constructor(
    /** The file or label the mapping came from. */
    readonly source: string,
    readonly issues: readonly MappingIssue[],
  ) {
    const lines = issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`);
    super(`The mapping ${source} is invalid:\n${lines.join('\n')}`);
  }
}
