// Prepares a fresh machine for Dunflow: pnpm, the workspace packages and the Temporal CLI.
// Runs with plain Node before any package is installed, so it uses built-ins only.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

const PNPM_VERSION = '10.34.9';
// The newest CLI tag whose go.mod has no replace directive, so `go install` can build it.
const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';
const cacheBin = join(homedir(), '.cache', 'dunflow', 'bin');

/** @param {string} message */
function log(message) {
  process.stdout.write(`[setup] ${message}\n`);
}

/** @param {string} command */
function onPath(command) {
  const dirs = (process.env.PATH ?? '').split(delimiter);
  return dirs.some((dir) => dir !== '' && existsSync(join(dir, command)));
}

/**
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`'${command} ${args.join(' ')}' failed with exit code ${result.status}`);
  }
}

function pnpmVersion() {
  try {
    return execFileSync('pnpm', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

function ensurePnpm() {
  const version = pnpmVersion();
  if (version === PNPM_VERSION) return;
  log(`installing pnpm ${PNPM_VERSION} (found ${version ?? 'none'})`);
  run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]);
}

function ensureTemporalCli() {
  if (process.env.TEMPORAL_CLI && existsSync(process.env.TEMPORAL_CLI)) return;
  if (onPath('temporal') || existsSync(join(cacheBin, 'temporal'))) return;
  if (!onPath('go')) {
    throw new Error(
      'The Temporal CLI is missing and Go is not installed: install Go 1.22 or later, ' +
        'or put a `temporal` binary on PATH, or set TEMPORAL_CLI to its path.',
    );
  }
  log(`building the Temporal CLI into ${cacheBin} (a few minutes, once)`);
  mkdirSync(cacheBin, { recursive: true });
  const result = spawnSync('go', ['install', TEMPORAL_CLI_MODULE], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: cacheBin },
  });
  if (result.status !== 0) throw new Error(`go install ${TEMPORAL_CLI_MODULE} failed`);
}

// `--temporal-cli` builds only the Temporal CLI, for `dunflow start` when none is found.
if (!process.argv.includes('--temporal-cli')) {
  ensurePnpm();
  log('installing workspace packages');
  run('pnpm', ['install', '--frozen-lockfile']);
}
ensureTemporalCli();
log('ready');
