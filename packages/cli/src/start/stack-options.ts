import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's place in `packages/cli/src/start`. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Settings of `dunflow start`; every port is on 127.0.0.1. */
export interface StackOptions {
  /** Folder of the state kept across restarts: Temporal's SQLite file, PGlite, the inbox. */
  dataDir: string;
  /** Uses this PostgreSQL server instead of the embedded one. */
  databaseUrl?: string;
  apiPort: number;
  temporalPort: number;
  temporalUiPort: number;
  smtpPort: number;
  stripePort: number;
  /** The invoice book to replay, its `asOf` date, and the scenario to run on it. */
  bookFile: string;
  asOf: string;
  rulesDir: string;
  scenarioId: string;
}

export const DEFAULT_STACK_OPTIONS: StackOptions = {
  dataDir: join(REPO_ROOT, '.dunflow'),
  apiPort: 3000,
  temporalPort: 7233,
  temporalUiPort: 8233,
  smtpPort: 2525,
  stripePort: 12111,
  bookFile: join(REPO_ROOT, 'packages/importer/src/fixtures/ibm-accounts-receivable.csv'),
  // The sample's open book on this date has invoices both overdue and not yet due.
  asOf: '2013-06-30',
  rulesDir: join(REPO_ROOT, 'rules'),
  scenarioId: 'default',
};
