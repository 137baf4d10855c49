import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * One problem in a request, at `path` inside the query or the body. Compile errors keep their
 * own fields (`code`, `fix`, `nodeId`, `edgeId`), so the designer can show them on the node.
 */
export interface ApiIssue {
  path: string;
  message: string;
  code?: string;
  fix?: string;
  nodeId?: string;
  edgeId?: string;
}

/** The JSON body of every error response. */
export interface ApiErrorBody {
  error: { code: string; message: string; fix?: string; issues?: ApiIssue[] };
  [field: string]: unknown;
}

export interface ApiErrorOptions {
  fix?: string;
  issues?: readonly ApiIssue[];
  /** Ids the failure is about, e.g. `{ invoiceId }`, for the log line. */
  ids?: Readonly<Record<string, string>>;
  /** More fields of the response body beside `error`, e.g. the report of a rejected import. */
  details?: Readonly<Record<string, unknown>>;
  cause?: unknown;
}

/**
 * A failure the API reports to its client: an HTTP status, a stable `code` for programs, and a
 * message that names the offending value and the fix.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly fix: string | undefined;
  readonly issues: readonly ApiIssue[];
  readonly ids: Readonly<Record<string, string>>;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.fix = options.fix;
    this.issues = options.issues ?? [];
    this.ids = options.ids ?? {};
    this.details = options.details ?? {};
  }

  toBody(): ApiErrorBody {
    const error: ApiErrorBody['error'] = { code: this.code, message: this.message };
    if (this.fix !== undefined) error.fix = this.fix;
    if (this.issues.length > 0) error.issues = [...this.issues];
    return { ...this.details, error };
  }
}

/** Builds the 404 of an id the database does not have, e.g. `notFound('invoice', '0001', ...)`. */
export function notFound(kind: string, id: string, fix: string): ApiError {
  return new ApiError(404, `${kind}NotFound`, `${kind} '${id}' not found; ${fix}`, {
    fix,
    ids: { [`${kind}Id`]: id },
  });
}
