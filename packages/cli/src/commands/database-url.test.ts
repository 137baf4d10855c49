import { describe, expect, it } from 'vitest';
import { redactPassword, resolveDatabaseUrl } from './database-url';
import { UsageError } from './usage-error';

const URL_OPTION = 'postgres://root@127.0.0.1:5432/option';
const URL_ENV = 'postgres://root@127.0.0.1:5432/env';

describe('resolveDatabaseUrl', () => {
  it('prefers --database-url over DATABASE_URL', () => {
    expect(resolveDatabaseUrl(URL_OPTION, { env: { DATABASE_URL: URL_ENV } })).toBe(URL_OPTION);
  });

  it('falls back to DATABASE_URL', () => {
    expect(resolveDatabaseUrl(undefined, { env: { DATABASE_URL: URL_ENV } })).toBe(URL_ENV);
  });

  it('names both settings when neither is set', () => {
    const resolve = () => resolveDatabaseUrl(undefined, { env: { DATABASE_URL: '' } });

    expect(resolve).toThrow(UsageError);
    expect(resolve).toThrow('set DATABASE_URL or pass --database-url');
  });

  it('adds the alternative to the message', () => {
    expect(() =>
      resolveDatabaseUrl(undefined, { env: {}, alternative: '; or use a file' }),
    ).toThrow(/dunflow; or use a file$/);
  });

  it('rejects a URL of another scheme, naming its source', () => {
    expect(() => resolveDatabaseUrl('mysql://root@host/db', { env: {} })).toThrow(
      "--database-url 'mysql://***@host/db' is not a PostgreSQL URL",
    );
    expect(() => resolveDatabaseUrl(undefined, { env: { DATABASE_URL: 'db.sqlite' } })).toThrow(
      "DATABASE_URL 'db.sqlite' is not a PostgreSQL URL",
    );
  });
});

describe('redactPassword', () => {
  it('hides the password of a URL', () => {
    expect(redactPassword('postgres://user:secret@host:5432/db')).toBe(
      'postgres://user:***@host:5432/db',
    );
  });

  it('keeps a URL without a password', () => {
    expect(redactPassword(URL_OPTION)).toBe(URL_OPTION);
  });

  it('hides the credentials of a value that is not a URL', () => {
    expect(redactPassword('user:secret@host')).toBe('***@host');
  });
});
