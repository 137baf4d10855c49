import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Where `node scripts/setup.mjs` builds the CLI when none is on PATH. */
export const CACHED_TEMPORAL_CLI = join(homedir(), '.cache', 'dunflow', 'bin', 'temporal');

/**
 * Finds the Temporal CLI: `$TEMPORAL_CLI`, then `temporal` on PATH, then the cached build.
 * Throws with the command that builds it when none exists.
 */
export function findTemporalCli(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['TEMPORAL_CLI'];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`TEMPORAL_CLI is set to '${fromEnv}', but no file exists there.`);
  }
  const onPath = (env['PATH'] ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, 'temporal'))
    .find((candidate) => existsSync(candidate));
  if (onPath !== undefined) return onPath;
  if (existsSync(CACHED_TEMPORAL_CLI)) return CACHED_TEMPORAL_CLI;
  throw new Error(
    'The Temporal CLI was not found on PATH or in ~/.cache/dunflow/bin. Run `node scripts/setup.mjs` ' +
      '(it builds it with `go install github.com/temporalio/cli/cmd/temporal@v1.5.1`), ' +
      'or set TEMPORAL_CLI to the path of a `temporal` binary.',
  );
}
