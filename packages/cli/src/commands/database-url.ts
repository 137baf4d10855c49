import { UsageError } from './usage-error';

/** The help text of `--database-url`, shared by the commands that take it. */
export const DATABASE_URL_HELP =
  'PostgreSQL connection URL, e.g. postgres://root@127.0.0.1:5432/dunflow (default: $DATABASE_URL)';

/**
 * Returns the database URL from `--database-url`, else from `DATABASE_URL`. Raises a
 * UsageError naming both, and `alternative` if given, when neither is set, or when the value
 * is not a PostgreSQL URL.
 */
export function resolveDatabaseUrl(
  option: string | undefined,
  options: { env?: NodeJS.ProcessEnv; alternative?: string } = {},
): string {
  const env = options.env ?? process.env;
  const fromEnv = env['DATABASE_URL'];
  const url = option ?? (fromEnv === '' ? undefined : fromEnv);
  if (url === undefined) {
    throw new UsageError(
      '--database-url',
      'no database given: set DATABASE_URL or pass --database-url, e.g. ' +
        `--database-url postgres://root@127.0.0.1:5432/dunflow${options.alternative ?? ''}`,
    );
  }
  checkPostgresUrl(url, option === undefined ? 'DATABASE_URL' : '--database-url');
  return url;
}

function checkPostgresUrl(url: string, source: string): void {
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol === 'postgres:' || protocol === 'postgresql:') return;
  throw new UsageError(
    source,
    `${source} '${redactPassword(url)}' is not a PostgreSQL URL; expected ` +
      'postgres://user@host:5432/database',
  );
}

/**
 * Replaces the password of a PostgreSQL URL with `***`, so messages and output never show it.
 * Of any other value, everything before an `@` is hidden, since it may hold credentials.
 */
export function redactPassword(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol !== 'postgres:' && parsed?.protocol !== 'postgresql:') {
    return url.replace(/^(.*\/\/)?[^@/]*@/, '$1***@');
  }
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}
