import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { migrate } from '@dunflow/db';
import { printResult } from '../output';
import { pullRules, type PulledFile } from '../rules/pull-rules';
import { reportUsageErrors, withUsageErrors } from './command-errors';
import { UsageError } from './usage-error';
import { withDatabase } from './database-session';
import { DATABASE_URL_HELP, resolveDatabaseUrl } from './database-url';
import { defaultRulesDir } from './repo-root';
import { countOf } from './text-format';

interface PullOptions {
  out?: string;
  databaseUrl?: string;
  json?: boolean;
}

/** Output of `dunflow pull`, printed as it is with --json. */
export interface PullOutput {
  dir: string;
  files: PulledFile[];
}

const PULL_HELP = `
Writes the current (latest published) version of every scenario, segmentation rule set and
template into --out, as canonical files at the path each was published from, e.g.
scenarios/default.json, and writes the JSON Schemas into its schemas/ folder. Versions in
an older format are migrated to the current one. Files of rules that were never published
are left alone, so after \`dunflow publish\` a pull into the same folder changes no byte.
The database is migrated first.

Exit codes:
  0  done
  1  the database cannot be used, or --out cannot be written
  2  usage error: no database given, an unknown option

Example:
  dunflow pull --out /tmp/published-rules --database-url postgres://root@127.0.0.1:5432/dunflow`;

/** Registers `dunflow pull`: writes the published rule versions back as files. */
export function registerPullCommand(program: Command): void {
  const command = program
    .command('pull')
    .description('Write the published rule versions back as canonical rule files')
    .option('--out <dir>', 'rules folder to write to (default: rules/ of the repository)')
    .option('--database-url <url>', DATABASE_URL_HELP)
    .option('--json', 'print one JSON document instead of text')
    .addHelpText('after', PULL_HELP);
  reportUsageErrors(command).action(withUsageErrors(runPull));
}

async function runPull(options: PullOptions): Promise<void> {
  const url = resolveDatabaseUrl(options.databaseUrl);
  const dir = options.out ?? defaultRulesDir();
  await checkFolder(dir);
  const files = await withDatabase(url, async (db) => {
    await migrate(db);
    return pullRules(db, dir);
  });
  printResult(options, { dir, files }, pullLines);
}

/** Rejects an --out that names something other than a folder, before the database is read. */
async function checkFolder(dir: string): Promise<void> {
  const found = await stat(dir).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  });
  if (found === undefined || found.isDirectory()) return;
  throw new UsageError('--out', `--out ${dir} is a file, not a folder; give a folder to write to`);
}

function pullLines(output: PullOutput): string[] {
  if (output.files.length === 0) return [`no rule versions are published; ${output.dir} unchanged`];
  const written = output.files.filter((file) => file.status === 'written').length;
  return [
    ...output.files.map(
      (file) =>
        `${file.status.padEnd(9)} ${file.kind} '${file.id}' ${file.hash.slice(0, 12)} to ${file.file}`,
    ),
    `${countOf(written, 'file')} written, ${countOf(output.files.length, 'rule')} pulled into ${output.dir}`,
  ];
}
