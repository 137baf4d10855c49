import { parse } from 'csv-parse/sync';
import { createMigratedTestDatabase, upsertBook, type UpsertCounts } from '@dunflow/db';
import { parseBook, type ImportResult } from '@dunflow/importer';
import type { Measurement } from './measurement';
import { repeatRuns, summarize, timed, type RunPlan } from './runs';

/** A CSV book to import, with the label the results table shows for it. */
export interface BookText {
  input: string;
  text: string;
}

const TOKENISE = 'csv-parse tokenising';

/**
 * Measures, over one book: csv-parse splitting the text into records (the baseline),
 * `parseBook` (tokenising, detection and validation), and `upsertBook` into a fresh migrated
 * database, once with every row new and once more with every row unchanged.
 */
export async function measureImport(book: BookText, plan: RunPlan): Promise<Measurement[]> {
  const parsed = parseBook(book.text);
  const rows = parsed.rows.total;
  if (parsed.rows.rejected > 0) {
    throw new Error(`${book.input}: ${parsed.rows.rejected} rows were rejected; expected none`);
  }
  const rate = { kind: 'rate', count: rows, unit: 'rows/s' } as const;
  const tokenising = await repeatRuns(plan, () => timed(() => tokenise(book.text, rows)));
  const parsing = await repeatRuns(plan, () => timed(() => parseBook(book.text)));
  const stores = await repeatRuns(plan, () => storeTwice(parsed));
  const measured = (name: string, ms: number[]): Measurement => ({
    name,
    input: book.input,
    ms: summarize(ms),
    display: rate,
    baseline: TOKENISE,
  });
  return [
    {
      name: TOKENISE,
      input: book.input,
      ms: summarize(tokenising.map((run) => run.ms)),
      display: rate,
    },
    measured(
      'parseBook',
      parsing.map((run) => run.ms),
    ),
    measured(
      'upsertBook, all rows new',
      stores.map((run) => run.insertMs),
    ),
    measured(
      'upsertBook, all rows unchanged',
      stores.map((run) => run.unchangedMs),
    ),
  ];
}

/** Splits the text into records with csv-parse alone and returns how many it read. */
function tokenise(text: string, rows: number): number {
  const records: unknown[] = parse(text, { relax_column_count: true, skip_empty_lines: true });
  if (records.length !== rows + 1) {
    throw new Error(`csv-parse read ${records.length} records; expected ${rows + 1}`);
  }
  return records.length;
}

/** Imports the book into a new database twice, and drops the database. */
async function storeTwice(book: ImportResult): Promise<{ insertMs: number; unchangedMs: number }> {
  const database = await createMigratedTestDatabase({ poolSize: 2 });
  try {
    const records = book.customers.length + book.invoices.length + book.payments.length;
    const first = await timed(() => upsertBook(database.db, book, 'bench.csv'));
    expectCounts(first.result, { inserted: records, updated: 0, unchanged: 0 });
    const second = await timed(() => upsertBook(database.db, book, 'bench.csv'));
    expectCounts(second.result, { inserted: 0, updated: 0, unchanged: records });
    return { insertMs: first.ms, unchangedMs: second.ms };
  } finally {
    await database.close();
  }
}

function expectCounts(actual: UpsertCounts, expected: UpsertCounts): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(
      `upsertBook wrote ${JSON.stringify(actual)}; expected ${JSON.stringify(expected)}`,
    );
  }
}
