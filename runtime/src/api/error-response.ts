import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ConflictError, InvalidArgumentError, NotFoundError } from '@dunflow/db';
import { ImportFileError, MappingError } from '@dunflow/importer';
import type { Logger } from 'pino';
import { ApiError } from './api-error';
import type { ApiEnv } from './api-dependencies';

/**
 * Turns an error raised while handling a request into its JSON response, and logs it with the
 * request id and the ids involved: client errors at `warn`, server errors at `error`.
 */
export function errorResponse(error: Error, c: Context<ApiEnv>, logger: Logger): Response {
  const failure = toApiError(error, `${c.req.method} ${c.req.path}`);
  const fields = {
    requestId: c.var.requestId,
    method: c.req.method,
    path: c.req.path,
    status: failure.status,
    code: failure.code,
    ...failure.ids,
  };
  if (failure.status >= 500) logger.error({ ...fields, err: error }, 'request failed');
  else logger.warn({ ...fields, reason: failure.message }, 'request rejected');
  return c.json(failure.toBody(), failure.status);
}

/** Maps the error classes of the libraries the API calls to a status and a code. */
export function toApiError(error: Error, request: string): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException) {
    return new ApiError(error.status, 'httpError', error.message, { cause: error });
  }
  if (error instanceof InvalidArgumentError) {
    return new ApiError(422, 'invalidArgument', error.message, {
      issues: [{ path: error.parameter, message: error.message }],
      cause: error,
    });
  }
  if (error instanceof ConflictError) {
    return new ApiError(409, 'conflict', error.message, { ids: { key: error.key }, cause: error });
  }
  if (error instanceof NotFoundError) {
    return new ApiError(404, 'notFound', error.message, { ids: { key: error.key }, cause: error });
  }
  if (error instanceof ImportFileError) {
    return new ApiError(422, error.code, error.message, { cause: error });
  }
  if (error instanceof MappingError) {
    return new ApiError(400, 'invalidMapping', error.message, {
      issues: error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
      cause: error,
    });
  }
  return new ApiError(500, 'internalError', `${request} failed on the server`, {
    fix: 'retry later; if it keeps failing, look up the request id in the API log',
    cause: error,
  });
}
