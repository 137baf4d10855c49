import { Option, type Command } from 'commander';
import { compiledEvaluator, simulate, type CompileError, type Evaluator } from '@dunflow/engine';
import { addDays } from '@dunflow/importer';
import type { CompiledDefinition, LocalDate } from '@dunflow/model';
import { readBook } from '../book/read-book';
import { simulationBook } from '../book/simulation-book';
import { printResult } from '../output';
import { EXIT_CODES_HELP, reportUsageErrors, withUsageErrors } from './command-errors';
import { compileErrorLines } from './compile-error-lines';
import { localToday } from './local-today';
import { parseCountOption, parseDateOption } from './option-parsers';
import { defaultRulesDir } from './repo-root';
import { loadScenario, type ScenarioSource } from './scenario-source';
import { simulationLines } from './simulation-lines';
import { buildSimulationOutput, type SimulationOutput } from './simulation-output';
import { UsageError } from './usage-error';

interface SimulateOptions {
  invoices: string;
  asOf?: LocalDate;
  until?: LocalDate;
  rules?: string;
  mapping?: string;
  timeline: number;
  invoice?: string;
  json?: boolean;
}

/** Days simulated after --as-of when --until is absent. */
const DEFAULT_HORIZON_DAYS = 90;

const SIMULATE_HELP = `
SCENARIO is a scenario id of the rules folder (e.g. default) or the path to a scenario JSON
file, compiled against the rules folder's templates and segmentation rule sets.

Invoices open at the start of --as-of enter the scenario. Payments and settlements then
arrive on their dates, and rules are evaluated with the compiled evaluator (the results of
json-rules-engine), until the end of --until. Actions complete at once, and nothing is sent.
With --as-of, the book is replayed as it stood on that date: its later settlements become
the payments of the simulation.
${EXIT_CODES_HELP}

Example:
  dunflow simulate default --invoices book.csv --as-of 2013-06-30 --until 2013-09-30`;

/** Registers `dunflow simulate SCENARIO`: replays a book through a scenario on a virtual clock. */
export function registerSimulateCommand(program: Command): void {
  const command = program
    .command('simulate')
    .description('Replay an invoice book through a scenario and report every action it would take')
    .argument('<scenario>', 'scenario id in the rules folder, or path to a scenario JSON file')
    .requiredOption('--invoices <file>', 'CSV file of invoices to replay')
    .option(
      '--as-of <date>',
      'day the open invoices enter, YYYY-MM-DD; replays the book as of then (default: today)',
      parseDateOption,
    )
    .option(
      '--until <date>',
      `last day simulated, YYYY-MM-DD (default: --as-of + ${DEFAULT_HORIZON_DAYS} days)`,
      parseDateOption,
    )
    .option(
      '--rules <dir>',
      'rules folder with scenarios/, segmentations/ and templates/ (default: rules/ of the repository)',
    )
    .option('--mapping <file>', 'JSON file of column names and formats that override detection')
    .addOption(
      new Option('--timeline <count>', 'number of invoice timelines in text output')
        .argParser(parseCountOption)
        .default(10),
    )
    .option('--invoice <id>', 'show the timeline of this invoice only (text output)')
    .option('--json', 'print one JSON document with every invoice timeline instead of text')
    .addHelpText('after', SIMULATE_HELP);
  reportUsageErrors(command).action(withUsageErrors(runSimulate));
}

async function runSimulate(scenarioArgument: string, options: SimulateOptions): Promise<void> {
  const asOf = options.asOf ?? localToday();
  const until = options.until ?? addDays(asOf, DEFAULT_HORIZON_DAYS);
  if (until < asOf) {
    throw new UsageError(
      '--until',
      `--until ${until} is before --as-of ${asOf}; pass a later date`,
    );
  }
  const scenario = await loadScenario(scenarioArgument, options.rules ?? defaultRulesDir());
  if (!scenario.compiled.ok) {
    printCompileErrors(scenario, scenario.compiled.errors, options);
    return;
  }

  const result = await readBook(options.invoices, {
    mappingFile: options.mapping,
    json: options.json,
  });
  const book = simulationBook(result, options.asOf);
  const definition = scenario.compiled.definition;
  const report = await simulate(definition, book, {
    asOf,
    until,
    evaluate: evaluatorFor(definition),
  });
  const output = buildSimulationOutput({ report, definition, scenario, result, options });
  checkInvoiceOption(output, options);

  const currencies = new Map(book.invoices.map((invoice) => [invoice.id, invoice.currency]));
  const selection = { limit: options.timeline, invoiceId: options.invoice, currencies };
  printResult(options, output, (value) => simulationLines(value, selection));
}

/**
 * Evaluates conditions and segments with the compiled evaluators over the definition's facts,
 * which give json-rules-engine's results much faster.
 */
function evaluatorFor(definition: CompiledDefinition): Evaluator {
  return compiledEvaluator(definition.facts);
}

/** Prints every compile error (text on stderr, or the JSON document) and sets exit code 1. */
function printCompileErrors(
  scenario: ScenarioSource,
  errors: readonly CompileError[],
  options: SimulateOptions,
): void {
  process.exitCode = 1;
  if (options.json === true) {
    printResult(options, { scenario: { id: scenario.id, file: scenario.file }, errors }, () => []);
    return;
  }
  process.stderr.write(`${compileErrorLines(scenario, errors).join('\n')}\n`);
}

function checkInvoiceOption(output: SimulationOutput, options: SimulateOptions): void {
  const invoiceId = options.invoice;
  if (invoiceId === undefined) return;
  if (output.invoices.some((invoice) => invoice.invoiceId === invoiceId)) return;
  const leftOut = options.asOf === undefined ? '' : ' (invoices issued after --as-of are left out)';
  const example = output.invoices[0]?.invoiceId;
  throw new UsageError(
    '--invoice',
    `--invoice '${invoiceId}' is not among the ${output.invoices.length} invoices simulated` +
      `${leftOut}; pass an id from the book${example === undefined ? '' : `, e.g. ${example}`}`,
  );
}
