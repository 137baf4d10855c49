import type { Command } from 'commander';
import { migrate } from '@dunflow/db';
import { printResult } from '../output';
import { publishRules, type PublishReport } from '../rules/publish-rules';
import { reportUsageErrors, withUsageErrors } from './command-errors';
import { withDatabase } from './database-session';
import { DATABASE_URL_HELP, resolveDatabaseUrl } from './database-url';
import { publishLines } from './publish-lines';
import { defaultRulesDir } from './repo-root';

interface PublishOptions {
  rules?: string;
  databaseUrl?: string;
  json?: boolean;
}

const PUBLISH_HELP = `
PATHS are rules folders or rule files; the default is the rules/ folder of the repository.
Every file is validated first, as \`dunflow validate\` does, and nothing is published when
any file is invalid. Then, in one transaction, each file is stored as a rule version under
the SHA-256 of its content, with the git commit checked out and whether the file differed
from it. A scenario's compiled definition is published to scenario_versions as well, so new
workflows run it. Publishing is idempotent: the current content of a rule is not stored
twice, and publishing an earlier content again makes it current again. The database is
migrated first.

Exit codes:
  0  every file was published, or was already current
  1  a file is invalid (nothing was published), or the database cannot be used
  2  usage error: no database given, an unknown option

Examples:
  dunflow publish --database-url postgres://root@127.0.0.1:5432/dunflow
  DATABASE_URL=postgres://root@127.0.0.1:5432/dunflow dunflow publish rules --json`;

/** Registers `dunflow publish [PATHS]`: stores validated rule files as versions. */
export function registerPublishCommand(program: Command): void {
  const command = program
    .command('publish')
    .description('Validate rule files and publish them as versions in the database')
    .argument('[paths...]', 'rules folders or rule files (default: rules/ of the repository)')
    .option(
      '--rules <dir>',
      'rules folder whose templates and rule sets loose scenario files compile against ' +
        '(default: rules/ of the repository)',
    )
    .option('--database-url <url>', DATABASE_URL_HELP)
    .option('--json', 'print one JSON document instead of text')
    .addHelpText('after', PUBLISH_HELP);
  reportUsageErrors(command).action(withUsageErrors(runPublish));
}

async function runPublish(paths: string[], options: PublishOptions): Promise<void> {
  const url = resolveDatabaseUrl(options.databaseUrl);
  const rulesDir = options.rules ?? defaultRulesDir();
  const report: PublishReport = await withDatabase(url, async (db) => {
    await migrate(db);
    return publishRules(db, paths.length === 0 ? [rulesDir] : paths, { rulesDir });
  });
  if (!report.published) process.exitCode = 1;
  printResult(options, report, publishLines);
}
