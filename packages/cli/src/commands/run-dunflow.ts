import { execFile, type ExecFileException } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from './repo-root';

/*
 * Test support: runs the real `dunflow` command in a child process, as `pnpm dunflow` does.
 */

export const REPO_ROOT = findRepoRoot();

/** The IBM accounts-receivable sample: 2,466 invoices, all settled. */
export const IBM_FIXTURE = join(
  REPO_ROOT,
  'packages/importer/src/fixtures/ibm-accounts-receivable.csv',
);

const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
const MAIN = join(REPO_ROOT, 'packages/cli/src/main.ts');

export interface DunflowRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `tsx packages/cli/src/main.ts ...args` from the repository root. DATABASE_URL is
 * removed from the environment unless `env` sets it, so a developer's setting cannot leak in.
 */
export function runDunflow(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<DunflowRun> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (env['DATABASE_URL'] === undefined) delete childEnv['DATABASE_URL'];
  return new Promise((resolve) => {
    execFile(
      TSX,
      [MAIN, ...args],
      { cwd: REPO_ROOT, env: childEnv, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: exitCodeOf(error), stdout, stderr });
      },
    );
  });
}

/**
 * Runs dunflow with `--json` appended and parses its standard output. Raises when the exit
 * code is not 0, with the standard error in the message.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T names the document a test expects, which JSON.parse cannot check.
export async function runDunflowJson<T>(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ run: DunflowRun; json: T }> {
  const run = await runDunflow([...args, '--json'], env);
  if (run.code !== 0)
    throw new Error(`dunflow ${args.join(' ')} exited with ${run.code}: ${run.stderr}`);
  return { run, json: JSON.parse(run.stdout) as T };
}

/** A temporary folder for test files, removed by `remove`. */
export interface TempDir {
  path: string;
  write(name: string, text: string): Promise<string>;
  remove(): Promise<void>;
}

export async function createTempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'dunflow-cli-'));
  return {
    path,
    write: async (name, text) => {
      const file = join(path, name);
      await writeFile(file, text);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

/** Returns the exit code of a finished child, or -1 when it could not be started. */
function exitCodeOf(error: ExecFileException | null): number {
  if (error === null) return 0;
  if (typeof error.code === 'number') return error.code;
  return -1;
}
