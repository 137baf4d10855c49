import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgresOptions {
  /** Folder of the database files, created when missing and reused when present. */
  dataDir: string;
  /** TCP port on 127.0.0.1; by default the system picks a free one. */
  port?: number;
}

/** A running embedded PostgreSQL server. */
export interface EmbeddedPostgres {
  /** Connection URL, e.g. `postgres://postgres@127.0.0.1:54321/postgres`. */
  url: string;
  /**
   * The pool size to open it with. PGlite runs one query at a time, and PGlite 0.5.14 with
   * pglite-socket 0.2.17 mishandles concurrent extended-protocol batches, so use one connection.
   */
  poolSize: 1;
  /** Stops the socket server and closes the database files. */
  stop(): Promise<void>;
}

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly, in this process) on `dataDir` and serves
 * it over the PostgreSQL wire protocol on 127.0.0.1, for machines without a PostgreSQL server.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir: options.dataDir });
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: options.port ?? 0 });
  try {
    await server.start();
  } catch (error) {
    await pglite.close();
    const detail = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(
      `PGlite could not listen on 127.0.0.1:${options.port ?? 0}: ${detail}; ` +
        'choose another port, or omit it to let the system pick a free one',
      { cause: error },
    );
  }

  const port = server.getServerConn().split(':').pop() ?? '';
  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    poolSize: 1,
    stop: () => (stopping ??= server.stop().then(() => pglite.close())),
  };
}
