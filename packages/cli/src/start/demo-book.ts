import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalDate } from '@dunflow/model';
import {
  daysBetween,
  openBookAsOf,
  readBookFile,
  rebaseBook,
  type BookAsOf,
} from '@dunflow/importer';

/** The demo book: a historical book replayed as of a past date and shifted to today. */
export interface DemoBook {
  book: BookAsOf;
  /** Days every date was moved forward. */
  shiftDays: number;
  rejectedRows: number;
  /** Whether an earlier start on the data folder imported the book. */
  importedBefore: boolean;
}

/**
 * Loads the demo book. The shift that makes `asOf` today is stored in `dataDir` on the first
 * start and reused afterwards, so a restart on a later day re-imports the same dates and the
 * book stays as it was.
 */
export async function loadDemoBook(
  file: string,
  asOf: LocalDate,
  dataDir: string,
  today: LocalDate,
): Promise<DemoBook> {
  const imported = await readBookFile(file);
  const replayed = openBookAsOf(imported, asOf);
  const state = await storedState(dataDir, file, asOf, daysBetween(asOf, today));
  const { shiftDays } = state;
  const book = rebaseBook(replayed, shiftDays);
  // The sample has no contact data; give each customer a reserved example.com address so
  // reminders reach the local inbox.
  book.customers = book.customers.map((customer) => ({
    ...customer,
    email: customer.email ?? `${customer.id.toLowerCase()}@example.com`,
  }));
  return {
    book,
    shiftDays,
    rejectedRows: imported.rows.rejected,
    importedBefore: state.imported === true,
  };
}

/**
 * Records that the demo book of `dataDir` is in the database, so later starts leave it, and
 * the changes a user made to it through imports and the API, as they are.
 */
export async function markDemoBookImported(dataDir: string): Promise<void> {
  const path = join(dataDir, DEMO_STATE_FILE);
  const state = JSON.parse(await readFile(path, 'utf8')) as DemoState;
  await writeFile(path, `${JSON.stringify({ ...state, imported: true }, null, 2)}\n`);
}

interface DemoState {
  file: string;
  asOf: string;
  shiftDays: number;
  imported?: boolean;
}

const DEMO_STATE_FILE = 'demo-book.json';

async function storedState(
  dataDir: string,
  file: string,
  asOf: string,
  fresh: number,
): Promise<DemoState> {
  const path = join(dataDir, DEMO_STATE_FILE);
  try {
    const state = JSON.parse(await readFile(path, 'utf8')) as DemoState;
    if (state.file === file && state.asOf === asOf) return state;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const state: DemoState = { file, asOf, shiftDays: fresh };
  await writeFile(path, `${JSON.stringify(state, null, 2)}\n`);
  return state;
}
