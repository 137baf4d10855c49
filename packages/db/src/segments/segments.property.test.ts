import { compileCondition, compileRuleSet, evaluateCondition, segmentOf } from '@dunflow/engine';
import { INVOICE_FACTS } from '@dunflow/model';
import type { FactValues, SegmentationRuleSet, TopLevelCondition } from '@dunflow/model';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseSchema } from '../database-schema';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { segmentTestBook } from './book-arbitrary';
import { compileConditionSql } from './condition-sql';
import { invoiceFactColumns } from './fact-columns';
import { invoiceFactsOn } from './invoice-facts-query';
import { invoiceSegments } from './invoice-segments';
import { populationDiff } from './population-diff';
import type { PopulationDiff } from './population-diff';
import { BASE_DAY, isoDay, ruleSet, topLevelCondition } from './rule-arbitraries';
import { segmentPreview } from './segment-preview';
import type { SegmentTotal } from './segment-preview';
import { segmentIds } from './segment-sql';
import type { SegmentTestBook } from './segment-test-book';
import { insertTestBook, referenceFacts, referenceOpenAmounts } from './segment-test-book';

let testDb: MigratedTestDatabase;

beforeAll(async () => {
  testDb = await createMigratedTestDatabase({ poolSize: 1 });
});

afterAll(async () => {
  await testDb.close();
});

/** Runs `work` on the book inserted in a transaction that is rolled back afterwards. */
async function withBook(
  book: SegmentTestBook,
  work: (db: Kysely<DatabaseSchema>) => Promise<void>,
): Promise<void> {
  const trx = await testDb.db.kysely.startTransaction().execute();
  try {
    await insertTestBook(trx, book);
    await work(trx);
  } finally {
    await trx.rollback().execute();
  }
}

async function sqlFacts(
  db: Kysely<DatabaseSchema>,
  asOf: string,
): Promise<Map<string, FactValues>> {
  const rows = await db
    .selectFrom(invoiceFactsOn(db, asOf).as('facts'))
    .selectAll()
    .orderBy('id')
    .execute();
  const facts = new Map<string, FactValues>();
  for (const row of rows) {
    const values: Record<string, unknown> = row;
    facts.set(
      row.id,
      Object.fromEntries(INVOICE_FACTS.map((fact) => [fact.name, toFactValue(values[fact.name])])),
    );
  }
  return facts;
}

/** Keeps a value of a fact type; anything else becomes null and fails the comparison. */
function toFactValue(value: unknown): FactValues[string] {
  const isScalar = typeof value === 'string' || typeof value === 'number';
  return isScalar || typeof value === 'boolean' ? value : null;
}

async function sqlConditions(
  db: Kysely<DatabaseSchema>,
  asOf: string,
  rules: readonly TopLevelCondition[],
): Promise<Map<string, boolean[]>> {
  const columns = invoiceFactColumns('facts');
  const selections = rules.map(
    (rule, index) => sql`${compileConditionSql(rule, columns)} as ${sql.id(`rule_${index}`)}`,
  );
  const result = await sql<
    Record<string, string | boolean>
  >`select facts.id, ${sql.join(selections)}
    from (${invoiceFactsOn(db, asOf)}) as facts`.execute(db);
  return new Map(
    result.rows.map((row) => [
      String(row['id']),
      rules.map((_, index) => row[`rule_${index}`] === true),
    ]),
  );
}

function expectedPreview(
  set: SegmentationRuleSet,
  segments: ReadonlyMap<string, string>,
  book: SegmentTestBook,
  asOf: string,
): SegmentTotal[] {
  const open = referenceOpenAmounts(book, asOf);
  const totals = new Map<string, SegmentTotal>(
    segmentIds(set).map((id) => [id, { segmentId: id, count: 0, openAmountMinor: {} }]),
  );
  for (const invoice of book.invoices) {
    const segmentId = segments.get(invoice.id);
    const total = segmentId === undefined ? undefined : totals.get(segmentId);
    if (!total) continue;
    total.count += 1;
    const sum = total.openAmountMinor[invoice.currency] ?? 0;
    total.openAmountMinor[invoice.currency] = sum + (open.get(invoice.id) ?? 0);
  }
  return [...totals.values()];
}

function expectedDiff(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
  page: { limit: number; offset: number },
): PopulationDiff {
  const moves = new Map<string, { from: string; to: string; ids: string[] }>();
  let unchanged = 0;
  for (const id of [...before.keys()].sort()) {
    const from = before.get(id) ?? '';
    const to = after.get(id) ?? '';
    if (from === to) {
      unchanged += 1;
      continue;
    }
    const move = moves.get(`${from} ${to}`) ?? { from, to, ids: [] };
    move.ids.push(id);
    moves.set(`${from} ${to}`, move);
  }
  const listed = [...moves.values()].map((move) => ({
    from: move.from,
    to: move.to,
    count: move.ids.length,
    invoiceIds: move.ids.slice(page.offset, page.offset + page.limit),
  }));
  listed.sort(
    (a, b) => b.count - a.count || compareText(a.from, b.from) || compareText(a.to, b.to),
  );
  return { moves: listed, unchanged, total: before.size };
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

const asOfDate = fc.integer({ min: -5, max: 30 }).map((offset) => isoDay(BASE_DAY + offset));

describe('segments in SQL', () => {
  it('agree with both evaluators on random books', async () => {
    await fc.assert(
      fc.asyncProperty(
        segmentTestBook(25),
        asOfDate,
        fc.array(topLevelCondition, { minLength: 1, maxLength: 5 }),
        ruleSet,
        ruleSet,
        fc.record({ limit: fc.nat({ max: 3 }), offset: fc.nat({ max: 2 }) }),
        async (book, asOf, rules, before, after, page) => {
          const reference = referenceFacts(book, asOf);
          await withBook(book, async (db) => {
            expect(await sqlFacts(db, asOf)).toEqual(reference);

            const inSql = await sqlConditions(db, asOf, rules);
            for (const [ruleIndex, rule] of rules.entries()) {
              const closure = compileCondition(rule);
              for (const [id, facts] of reference) {
                const expected = await evaluateCondition(rule, facts);
                const where = { rule, id, facts };
                expect({ ...where, closure: closure(facts) }).toEqual({
                  ...where,
                  closure: expected,
                });
                expect({ ...where, sql: inSql.get(id)?.[ruleIndex] }).toEqual({
                  ...where,
                  sql: expected,
                });
              }
            }

            const segmentsBefore = new Map<string, string>();
            const segmentsAfter = new Map<string, string>();
            const closureBefore = compileRuleSet(before);
            for (const [id, facts] of reference) {
              const segment = await segmentOf(before, facts);
              expect({ id, facts, closure: closureBefore(facts) }).toEqual({
                id,
                facts,
                closure: segment,
              });
              segmentsBefore.set(id, segment);
              segmentsAfter.set(id, await segmentOf(after, facts));
            }
            const listed = await invoiceSegments(db, before, asOf);
            expect(new Map(listed.map((row) => [row.invoiceId, row.segmentId]))).toEqual(
              segmentsBefore,
            );

            expect(await segmentPreview(db, before, asOf)).toEqual(
              expectedPreview(before, segmentsBefore, book, asOf),
            );
            expect(await populationDiff(db, before, after, asOf, page)).toEqual(
              expectedDiff(segmentsBefore, segmentsAfter, page),
            );
          });
        },
      ),
      { numRuns: 250 },
    );
  });
});
