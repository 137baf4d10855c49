import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { openBookAsOf, parseBook, type BookAsOf, type ImportResult } from '@dunflow/importer';
import type { Book } from '@dunflow/db';
import type { ApiApp, ApiDependencies } from './api-dependencies';
import { ApiError } from './api-error';
import { readCsvBody } from './csv-body';
import { BooleanParam, DateParam, enumParam } from './query-params';
import { parseQuery } from './request-input';
import { activeRunOpenAmounts, signalBookChanges } from './signal-book-changes';
import { mappingOf, MappingQuery } from './import-mapping';
import { storeBook } from './store-book';
import { todayOf } from './clock';

/** The importer parses the whole file in memory, so uploads are bounded. */
const MAX_IMPORT_MIB = 64;

const ImportQuery = z.strictObject({
  /** Replays the book as it stood on this date: later settlements and payments are left out. */
  asOf: DateParam.optional(),
  dryRun: BooleanParam.default(false),
  onError: enumParam(['skip-rows', 'reject-file']).default('skip-rows'),
  /** Recorded on each invoice as the file it was last imported from. */
  fileName: z.string().min(1).max(200).default('api-upload.csv'),
  ...MappingQuery,
});
type ImportQuery = z.output<typeof ImportQuery>;

/** Adds `POST /imports`, which reads a CSV book, reports every bad cell and upserts the rest. */
export function registerImportRoutes(app: ApiApp, deps: ApiDependencies): void {
  const limit = bodyLimit({
    maxSize: MAX_IMPORT_MIB * 1024 * 1024,
    onError: () => {
      throw new ApiError(413, 'fileTooLarge', `the file is over ${MAX_IMPORT_MIB} MiB`, {
        fix: 'split the book into smaller files and import them one by one',
      });
    },
  });

  app.post('/imports', limit, async (c) => {
    const query = parseQuery(c, ImportQuery);
    const { text, encoding } = await readCsvBody(c);
    const onError = query.onError === 'reject-file' ? 'rejectFile' : 'skipRows';
    const mapping = mappingOf(query);
    // A book replayed as of a date may settle later; a current book cannot settle after today.
    const importDay = query.asOf === undefined ? { today: todayOf(deps) } : {};
    const result = parseBook(text, {
      onError,
      ...importDay,
      ...(mapping === undefined ? {} : { mapping }),
    });
    const replay = query.asOf === undefined ? undefined : openBookAsOf(result, query.asOf);
    const book = replay ?? result;
    const fileRejected = onError === 'rejectFile' && result.rows.rejected > 0;
    const writes = !fileRejected && !query.dryRun;
    const today = todayOf(deps);
    const before = writes ? await activeRunOpenAmounts(deps.db, today) : new Map<string, number>();
    const changes = fileRejected
      ? null
      : await storeBook(deps.db, recordsOf(book), query.fileName, query.dryRun);
    const signalled = writes ? await signalBookChanges(deps, before, today) : [];
    const report = {
      ...importReport(query, result, book, replay),
      detected: { ...result.detected, encoding },
      changes,
      workflowsSignalled: signalled.length,
    };
    if (fileRejected) throw rejectedFile(result, report);
    deps.logger.info(
      { fileName: query.fileName, dryRun: query.dryRun, rows: result.rows, changes },
      'book imported',
    );
    return c.json(report);
  });
}

function recordsOf(book: Book): Book {
  return { customers: book.customers, invoices: book.invoices, payments: book.payments };
}

function importReport(
  query: ImportQuery,
  result: ImportResult,
  book: Book,
  replay: BookAsOf | undefined,
) {
  const settled = book.invoices.filter((invoice) => invoice.settledDate !== undefined).length;
  return {
    fileName: query.fileName,
    asOf: query.asOf ?? null,
    dryRun: query.dryRun,
    onError: query.onError,
    rows: result.rows,
    rejected: result.rejected,
    records: {
      customers: book.customers.length,
      invoices: book.invoices.length,
      payments: book.payments.length,
    },
    invoices: {
      open: book.invoices.length - settled,
      settled,
      notYetIssued: replay?.counts.notYetIssued ?? 0,
      futurePayments: replay?.futurePayments.length ?? 0,
    },
  };
}

/** Builds the 422 of `reject-file` mode, where one bad row rejects the file. It lists every bad cell. */
function rejectedFile(result: ImportResult, report: object): ApiError {
  const { rejected } = result.rows;
  const rows = rejected === 1 ? '1 row is' : `${rejected} rows are`;
  return new ApiError(422, 'fileRejected', `${rows} invalid, so nothing was imported`, {
    fix: 'fix the rows listed in issues and import again, or import with onError=skip-rows',
    issues: result.rejected.map((field) => ({
      path: `line ${field.line}.${field.field}`,
      message: `line ${field.line}, ${field.field} '${field.value}': ${field.reason}`,
    })),
    details: { report },
  });
}
