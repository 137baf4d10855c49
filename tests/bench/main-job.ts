import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseBook } from '@dunflow/importer';
import { createLogger } from '@dunflow/runtime';
import type { BenchResults } from './bench-results';
import { startBenchStack } from './bench-stack';
import { readIbmBookText, repeatBookText } from './book-text';
import { compileDefaultScenario, compileTriggerEndScenario } from './definitions';
import { describeEnvironment, loadAverage } from './environment';
import { measureImport } from './import-bench';
import type { Measurement } from './measurement';
import { resultsPage } from './results-page';
import { resultsTable } from './results-table';
import { measureSimulation } from './simulation-bench';
import { measureWorkflowStarts } from './temporal-bench';

/*
 * Measures the import, simulation and workflow start rates of the main job in one process,
 * prints the tables, and writes docs/benchmarks/main-job.md. Run with `pnpm bench`.
 */

const PAGE = resolve(import.meta.dirname, '../../docs/benchmarks/main-job.md');
const LARGE_BOOK_ROWS = 100_000;
const WINDOW = { asOf: '2013-06-30', until: '2013-12-31' };
const WORKFLOW_COUNTS = [200, 1000];
const PLANS = { fast: { warmups: 1, runs: 5 }, temporal: { warmups: 1, runs: 3 } };

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const loadBefore = loadAverage();
  const environment = await describeEnvironment();
  const logger = createLogger('bench', 'warn');

  const sampleText = await readIbmBookText();
  const largeText = repeatBookText(sampleText, LARGE_BOOK_ROWS);
  const sample = parseBook(sampleText);
  const large = parseBook(largeText);
  const books = {
    sample: `IBM, ${rows(sample.rows.total)} rows`,
    large: `large, ${rows(large.rows.total)} rows`,
  };

  const imports = [
    ...(await section(
      'import',
      measureImport({ input: books.sample, text: sampleText }, PLANS.fast),
    )),
    ...(await section(
      'import',
      measureImport({ input: books.large, text: largeText }, PLANS.fast),
    )),
  ];

  const scenarios = {
    measured: { name: 'default scenario', definition: await compileDefaultScenario() },
    baseline: { name: 'trigger -> end', definition: compileTriggerEndScenario() },
  };
  const simulationInputs = { sample: `IBM, ${WINDOW.asOf}`, large: `large, ${WINDOW.asOf}` };
  const simulations = [
    ...(await section(
      'simulation',
      measureSimulation(
        { input: simulationInputs.sample, book: sample },
        scenarios,
        WINDOW,
        PLANS.fast,
      ),
    )),
    ...(await section(
      'simulation',
      measureSimulation(
        { input: simulationInputs.large, book: large },
        scenarios,
        WINDOW,
        PLANS.fast,
      ),
    )),
  ];

  const source = { book: large, asOf: WINDOW.asOf, today: new Date().toISOString().slice(0, 10) };
  const stack = await startBenchStack();
  const workflows: Measurement[] = [];
  try {
    for (const count of WORKFLOW_COUNTS) {
      const scenario = { definition: scenarios.measured.definition, source, count };
      workflows.push(
        ...(await section(
          'workflow starts',
          measureWorkflowStarts(stack, scenario, PLANS.temporal, logger),
        )),
      );
    }
  } finally {
    await stack.stop();
  }

  const results: BenchResults = {
    startedAt,
    durationSeconds: (performance.now() - started) / 1000,
    environment,
    loadBefore,
    loadAfter: loadAverage(),
    plans: PLANS,
    books,
    simulationInputs,
    workflowInputs: WORKFLOW_COUNTS.map(
      (count) => `${count.toLocaleString('en-US')} open invoices`,
    ),
    imports,
    simulations,
    workflows,
  };
  await writeFile(PAGE, resultsPage(results));
  console.log(`\nwrote ${PAGE}`);
}

/** Awaits one group of measurements and prints its table as soon as it is done. */
async function section(title: string, measuring: Promise<Measurement[]>): Promise<Measurement[]> {
  const measurements = await measuring;
  console.log(`\n${title}\n${resultsTable(measurements)}`);
  return measurements;
}

function rows(count: number): string {
  return count.toLocaleString('en-US');
}

await main();
