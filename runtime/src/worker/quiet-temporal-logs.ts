import { DefaultLogger, Runtime } from '@temporalio/worker';

let installed = false;

/**
 * Keeps the SDK's per-worker state changes and bundler output off the console; warnings and
 * errors still show. Call it before creating the first worker of the process.
 */
export function quietTemporalLogs(): void {
  if (installed) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  installed = true;
}
