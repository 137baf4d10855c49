import { upsertBook, type Book, type Database, type UpsertCounts } from '@dunflow/db';

/** Carries the counts of a dry run out of the transaction it rolls back. */
class DryRunRollback extends Error {
  override readonly name = 'DryRunRollback';
  constructor(readonly counts: UpsertCounts) {
    super('dry run: the import was rolled back');
  }
}

/**
 * Upserts a book and returns what it inserted, updated and left unchanged. A dry run does the
 * same writes in a transaction that it then rolls back, so its counts are the real ones and
 * nothing is stored.
 */
export async function storeBook(
  db: Database,
  book: Book,
  sourceFile: string,
  dryRun: boolean,
): Promise<UpsertCounts> {
  if (!dryRun) return upsertBook(db, book, sourceFile);
  try {
    await db.kysely.transaction().execute(async (trx) => {
      throw new DryRunRollback(await upsertBook(trx, book, sourceFile));
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.counts;
    throw error;
  }
  throw new Error('the dry-run transaction committed; it must always roll back');
}
