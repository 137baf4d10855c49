import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findTemporalCli } from '@dunflow/runtime';
import { REPO_ROOT } from './stack-options';

/**
 * Returns the Temporal CLI's path, building it with `go install` through the repository's
 * set-up script when none is on PATH or in the cache.
 */
export function ensureTemporalCli(): string {
  try {
    return findTemporalCli();
  } catch {
    process.stderr.write('dunflow: building the Temporal CLI with Go (a few minutes, once)\n');
    const script = join(REPO_ROOT, 'scripts/setup.mjs');
    const result = spawnSync(process.execPath, [script, '--temporal-cli'], { stdio: 'inherit' });
    if (result.status !== 0) {
      throw new Error(`building the Temporal CLI failed; run 'node ${script}' to see why`);
    }
    return findTemporalCli();
  }
}
