import { compileCondition, evaluateCondition } from '@dunflow/engine';
import type { FactValues, TopLevelCondition } from '@dunflow/model';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { createFactRowsTable, evaluateOnFactRows, insertFactRows } from './fact-rows-table';
import { factValues, topLevelCondition } from './rule-arbitraries';

let testDb: MigratedTestDatabase;

beforeAll(async () => {
  testDb = await createMigratedTestDatabase({ poolSize: 1 });
  await createFactRowsTable(testDb.db.kysely);
});

afterAll(async () => {
  await testDb.close();
});

/** Evaluates every rule on every row in SQL, inside a transaction that is rolled back. */
async function evaluateInSql(
  rows: readonly FactValues[],
  rules: readonly TopLevelCondition[],
): Promise<boolean[][]> {
  const trx = await testDb.db.kysely.startTransaction().execute();
  try {
    await insertFactRows(trx, rows);
    return await evaluateOnFactRows(trx, rules);
  } finally {
    await trx.rollback().execute();
  }
}

describe('compiled SQL conditions', () => {
  it('agree with both evaluators on any facts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(factValues, { minLength: 1, maxLength: 30 }),
        fc.array(topLevelCondition, { minLength: 1, maxLength: 6 }),
        async (rows, rules) => {
          const inSql = await evaluateInSql(rows, rules);
          for (const [ruleIndex, rule] of rules.entries()) {
            const closure = compileCondition(rule);
            for (const [rowIndex, facts] of rows.entries()) {
              const reference = await evaluateCondition(rule, facts);
              const where = { rule, facts };
              expect({ ...where, closure: closure(facts) }).toEqual({
                ...where,
                closure: reference,
              });
              expect({ ...where, sql: inSql[rowIndex]?.[ruleIndex] }).toEqual({
                ...where,
                sql: reference,
              });
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
