import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './free-port';
import { portInUse } from './port-in-use';
import { findTemporalCli } from './temporal-cli';
import { waitForPort } from './wait-for-port';

export interface TemporalDevServerOptions {
  /** SQLite file that keeps workflows across restarts; in memory when absent. */
  dbFile?: string;
  /** gRPC port of the frontend; a free port when absent. */
  port?: number;
  /** Port of the Temporal Web UI; no UI when absent. */
  uiPort?: number;
  namespace?: string;
  /** Receives each line the server prints, e.g. for a log file. */
  onOutput?: (line: string) => void;
}

export interface TemporalDevServer {
  /** `host:port` of the frontend, for `Connection.connect({ address })`. */
  address: string;
  namespace: string;
  uiUrl?: string;
  pid: number;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;

/** Starts `temporal server start-dev` as a child process and waits until it accepts connections. */
export async function startTemporalDevServer(
  options: TemporalDevServerOptions = {},
): Promise<TemporalDevServer> {
  const port = options.port ?? (await freePort());
  const namespace = options.namespace ?? 'default';
  // Waiting for the port alone would adopt whatever already listens there, such as a
  // server left over from a run that was killed.
  for (const [what, used] of [
    ['gRPC', port],
    ['UI', options.uiPort],
  ] as const) {
    if (used !== undefined && (await portInUse(used))) {
      throw new Error(
        `port ${String(used)} for the Temporal ${what} is already in use by another process; ` +
          'stop that process or choose another port',
      );
    }
  }
  const child = spawn(findTemporalCli(), devServerArgs(options, port, namespace), {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  forwardOutput(child, options.onOutput);
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(
      `temporal server start-dev exited with code ${String(code)} before it was ready`,
    );
  });
  await Promise.race([waitForPort('127.0.0.1', port, STARTUP_TIMEOUT_MS), exited]);
  exited.catch(() => undefined);
  return {
    address: `127.0.0.1:${port}`,
    namespace,
    ...(options.uiPort === undefined ? {} : { uiUrl: `http://127.0.0.1:${options.uiPort}` }),
    pid: child.pid ?? -1,
    stop: async () => stopChild(child),
  };
}

function devServerArgs(
  options: TemporalDevServerOptions,
  port: number,
  namespace: string,
): string[] {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port)];
  args.push('--namespace', namespace, '--log-level', 'warn');
  if (options.dbFile !== undefined) args.push('--db-filename', options.dbFile);
  if (options.uiPort === undefined) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort));
  return args;
}

function forwardOutput(child: ChildProcess, onOutput?: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim() !== '') onOutput?.(line);
    });
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
