import type { Command } from 'commander';
import { createLogger } from '@dunflow/runtime';
import { printResult } from '../output';
import { DEFAULT_STACK_OPTIONS, type StackOptions } from '../start/stack-options';
import { startStack, type RunningStack } from '../start/start-stack';
import { parsePort } from './parse-port';

interface StartFlags {
  dataDir: string;
  apiPort: string;
  temporalPort: string;
  uiPort: string;
  smtpPort: string;
  stripePort: string;
  book: string;
  asOf: string;
  rules: string;
  scenario: string;
  json?: boolean;
}

/** Registers `dunflow start`: the whole product on embedded defaults, until Ctrl-C. */
export function registerStartCommand(program: Command): void {
  const defaults = DEFAULT_STACK_OPTIONS;
  program
    .command('start')
    .description(
      'Start Dunflow with no set-up: the Temporal dev server, PostgreSQL (DATABASE_URL, else ' +
        'embedded PGlite), an SMTP capture, a Stripe-shaped server, the worker and the API. ' +
        'Imports the demo book, publishes the scenario and starts its workflows. Ctrl-C stops ' +
        'everything; starting again resumes the same state.',
    )
    .option('--data-dir <dir>', 'folder of the state kept across restarts', defaults.dataDir)
    .option('--api-port <port>', 'port of the HTTP API', String(defaults.apiPort))
    .option(
      '--temporal-port <port>',
      'gRPC port of the Temporal dev server',
      String(defaults.temporalPort),
    )
    .option('--ui-port <port>', 'port of the Temporal Web UI', String(defaults.temporalUiPort))
    .option('--smtp-port <port>', 'port of the SMTP capture server', String(defaults.smtpPort))
    .option(
      '--stripe-port <port>',
      'port of the Stripe-shaped payment server',
      String(defaults.stripePort),
    )
    .option('--book <file>', 'invoice book (CSV) to replay', defaults.bookFile)
    .option(
      '--as-of <date>',
      'date (YYYY-MM-DD) the book is replayed as of; it is shifted to today',
      defaults.asOf,
    )
    .option(
      '--rules <dir>',
      'rules folder with scenarios, segmentations and templates',
      defaults.rulesDir,
    )
    .option('--scenario <id>', 'scenario of the rules folder to run', defaults.scenarioId)
    .option('--json', 'print the addresses and counts as one JSON document')
    .action(async (flags: StartFlags) => {
      await runStart(toOptions(flags), flags.json);
    });
}

function toOptions(flags: StartFlags): StackOptions {
  const databaseUrl = process.env['DATABASE_URL'];
  return {
    dataDir: flags.dataDir,
    ...(databaseUrl === undefined || databaseUrl === '' ? {} : { databaseUrl }),
    apiPort: parsePort('--api-port', flags.apiPort),
    temporalPort: parsePort('--temporal-port', flags.temporalPort),
    temporalUiPort: parsePort('--ui-port', flags.uiPort),
    smtpPort: parsePort('--smtp-port', flags.smtpPort),
    stripePort: parsePort('--stripe-port', flags.stripePort),
    bookFile: flags.book,
    asOf: flags.asOf,
    rulesDir: flags.rules,
    scenarioId: flags.scenario,
  };
}

async function runStart(options: StackOptions, json: boolean | undefined): Promise<void> {
  const logger = createLogger('dunflow', process.env['LOG_LEVEL'] ?? 'warn');
  const stack = await startStack(options, logger);
  printResult({ json: json === true }, summary(stack), describe);
  await untilSignal();
  process.stderr.write('dunflow: stopping\n');
  await stack.stop();
}

function summary(stack: RunningStack): Omit<RunningStack, 'stop'> {
  const { urls, database, book, scenario } = stack;
  return { urls, database, book, scenario };
}

function describe(stack: Omit<RunningStack, 'stop'>): string[] {
  const { urls, book, scenario } = stack;
  return [
    'Dunflow is running. Press Ctrl-C to stop.',
    '',
    `  API            ${urls.api}   (try ${urls.api}/invoices?status=open)`,
    `  Temporal UI    ${urls.temporalUi}`,
    `  E-mail inbox   ${urls.inbox}   (SMTP on ${urls.smtp})`,
    `  KPIs           ${urls.api}/kpis`,
    `  Database       ${stack.database}`,
    '',
    book.keptFromEarlierStart
      ? `  Demo book: ${book.open} open invoices, as an earlier start imported it and you changed it; ` +
        `${book.paymentsToCome} payments still to come.`
      : `  Demo book: ${book.open} open invoices; ${book.imported.inserted} rows inserted, ` +
        `${book.imported.updated} updated, ${book.imported.unchanged} unchanged; ` +
        `${book.paymentsToCome} payments still to come.`,
    `  Scenario '${scenario.id}' (${scenario.hash.slice(0, 12)}): ${scenario.started} workflows started, ` +
      `${scenario.alreadyStarted} already running or done, ${scenario.notEligible} not eligible.`,
  ];
}

async function untilSignal(): Promise<void> {
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}
