import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { populationDiff } from './population-diff';
import { AFTER, AS_OF, BEFORE, FIXED_BOOK } from './segment-fixtures';
import { insertTestBook } from './segment-test-book';

let testDb: MigratedTestDatabase;

beforeAll(async () => {
  testDb = await createMigratedTestDatabase();
  await insertTestBook(testDb.db.kysely, FIXED_BOOK);
});

afterAll(async () => {
  await testDb.close();
});

describe('populationDiff', () => {
  it('lists moves largest first', async () => {
    expect(await populationDiff(testDb.db, BEFORE, AFTER, AS_OF)).toEqual({
      moves: [
        { from: 'disputed', to: 'large', count: 1, invoiceIds: ['d-disputed'] },
        { from: 'standard', to: 'french', count: 1, invoiceIds: ['j-belgian'] },
      ],
      unchanged: 6,
      total: 8,
    });
  });

  it('pages the ids of each move', async () => {
    const diff = await populationDiff(testDb.db, AFTER, BEFORE, AS_OF, { limit: 1, offset: 0 });
    expect(diff.moves).toEqual([
      { from: 'french', to: 'standard', count: 1, invoiceIds: ['j-belgian'] },
      { from: 'large', to: 'disputed', count: 1, invoiceIds: ['d-disputed'] },
    ]);
    const next = await populationDiff(testDb.db, AFTER, BEFORE, AS_OF, { limit: 1, offset: 1 });
    expect(next.moves.map((move) => move.invoiceIds)).toEqual([[], []]);
    expect(next.moves.map((move) => move.count)).toEqual([1, 1]);
  });

  it('finds no moves between equal rule sets', async () => {
    const diff = await populationDiff(testDb.db, BEFORE, BEFORE, AS_OF);
    expect(diff).toEqual({ moves: [], unchanged: 8, total: 8 });
  });

  it('keeps counts with a zero limit', async () => {
    const diff = await populationDiff(testDb.db, BEFORE, AFTER, AS_OF, { limit: 0 });
    expect(diff.moves.map((move) => [move.count, move.invoiceIds])).toEqual([
      [1, []],
      [1, []],
    ]);
  });

  it('rejects a limit above 10,000', async () => {
    await expect(
      populationDiff(testDb.db, BEFORE, AFTER, AS_OF, { limit: 10_001 }),
    ).rejects.toThrow(InvalidArgumentError);
  });

  it('rejects a negative offset', async () => {
    await expect(populationDiff(testDb.db, BEFORE, AFTER, AS_OF, { offset: -1 })).rejects.toThrow(
      'offset -1 is invalid',
    );
  });
});
