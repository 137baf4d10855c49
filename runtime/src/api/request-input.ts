import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError, type ApiIssue } from './api-error';
import { formatValue } from './format-value';
import { rejectUnsafeText } from './unsafe-text';

type Source = 'query' | 'body';

/** Validates the query string with `schema`. A strict schema rejects unknown parameters (typos). */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseInput(schema, c.req.query(), 'query');
}

/**
 * Reads the body as JSON and validates it with `schema`. An empty body counts as `{}` when
 * `emptyAllowed` is set, for routes whose fields are all optional.
 */
export async function parseJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  emptyAllowed = false,
): Promise<z.output<S>> {
  return parseInput(schema, await readJson(c, emptyAllowed), 'body');
}

/** Reads the body as JSON, raising a 400 with the fix when it is empty or not JSON. */
export async function readJson(c: Context, emptyAllowed = false): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') {
    if (emptyAllowed) return {};
    throw new ApiError(400, 'missingBody', 'the request body is empty', {
      fix: 'send a JSON object with Content-Type: application/json',
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError(400, 'invalidJson', `the request body is not valid JSON: ${reason}`, {
      fix: 'send a JSON object with Content-Type: application/json',
    });
  }
}

/** Validates `input` with `schema`, raising a 400 whose issues name each offending value. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  source: Source,
): z.output<S> {
  rejectUnsafeText(input, source === 'query' ? 'query parameter' : 'body field');
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const known = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const issues = parsed.error.issues.flatMap((issue) => describeIssue(issue, input, source, known));
  throw new ApiError(
    400,
    source === 'query' ? 'invalidQuery' : 'invalidBody',
    issues.map((issue) => issue.message).join('; '),
    {
      fix: `correct each ${source === 'query' ? 'query parameter' : 'field'} listed in issues and send the request again`,
      issues,
    },
  );
}

function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  source: Source,
  known: readonly string[],
): ApiIssue[] {
  if (issue.code === 'unrecognized_keys') {
    const accepted = issue.path.length === 0 && known.length > 0 ? known : undefined;
    return issue.keys.map((key) => {
      const path = joinPath([...issue.path, key]);
      const hint = accepted === undefined ? '' : `; expected one of: ${accepted.join(', ')}`;
      return { path, message: `${label(source, path)} is unknown${hint}` };
    });
  }
  const path = joinPath(issue.path);
  const value = valueAt(input, issue.path);
  const message =
    value === undefined
      ? `${label(source, path)} is missing`
      : `${label(source, path)} ${formatValue(value)} is invalid: ${issue.message}`;
  return [{ path, message }];
}

function label(source: Source, path: string): string {
  if (path === '') return source === 'query' ? 'the query' : 'the body';
  return source === 'query' ? `query parameter ${path}` : `field ${path}`;
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
