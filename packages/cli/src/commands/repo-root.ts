import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKSPACE_MARKER = 'pnpm-workspace.yaml';

/**
 * Returns the repository root: the nearest folder above this module that contains
 * `pnpm-workspace.yaml`. It does not depend on the working directory.
 */
export function findRepoRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, WORKSPACE_MARKER))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `no ${WORKSPACE_MARKER} found above ${from}; run dunflow from its repository`,
      );
    }
    dir = parent;
  }
  return dir;
}

/** Returns the `rules/` folder of the repository, the default of `--rules`. */
export function defaultRulesDir(): string {
  return join(findRepoRoot(), 'rules');
}
