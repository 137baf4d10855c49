import { compileCondition, evaluateCondition, InvalidRuleError } from '@dunflow/engine';
import type { FactValues, Operator, RuleValue, TopLevelCondition } from '@dunflow/model';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { compileConditionSql } from './condition-sql';
import { invoiceFactColumns } from './fact-columns';
import { createFactRowsTable, evaluateOnFactRows, insertFactRows } from './fact-rows-table';

let testDb: MigratedTestDatabase;

beforeAll(async () => {
  testDb = await createMigratedTestDatabase({ poolSize: 1 });
  await createFactRowsTable(testDb.db.kysely);
});

afterAll(async () => {
  await testDb.close();
});

const FACTS: FactValues = {
  amount: 100,
  openAmount: 0.30000000000000004,
  currency: 'EUR',
  issueDate: '2026-02-28',
  dueDate: '2026-03-31',
  daysPastDue: 9,
  disputed: false,
  customerId: 'c1',
  countryCode: 'FR',
  channel: null,
  language: 'fr',
  customerOpenAmount: 0.3,
  customerOverdueCount: 0,
  remindersSent: 2,
  brokenPromises: 0,
};

const NULL_AMOUNT: FactValues = { ...FACTS, amount: null, disputed: null, dueDate: null };
const WITHOUT_CHANNEL: FactValues = Object.fromEntries(
  Object.entries(FACTS).filter(([name]) => name !== 'channel'),
);

type Case = [name: string, facts: FactValues, rule: TopLevelCondition, expected: boolean];

function leaf(fact: string, operator: Operator, value: RuleValue): TopLevelCondition {
  return { all: [{ fact, operator, value }] };
}

const CASES: Case[] = [
  ['null fails equal', NULL_AMOUNT, leaf('amount', 'equal', 100), false],
  ['null meets notEqual', NULL_AMOUNT, leaf('amount', 'notEqual', 100), true],
  ['null fails in', NULL_AMOUNT, leaf('amount', 'in', [100]), false],
  ['null meets notIn', NULL_AMOUNT, leaf('amount', 'notIn', [100]), true],
  ['null fails lessThan', NULL_AMOUNT, leaf('amount', 'lessThan', 1e9), false],
  [
    'not over null lessThan',
    NULL_AMOUNT,
    { not: { fact: 'amount', operator: 'lessThan', value: 1e9 } },
    true,
  ],
  ['null boolean fails equal', NULL_AMOUNT, leaf('disputed', 'equal', false), false],
  ['null boolean meets notEqual', NULL_AMOUNT, leaf('disputed', 'notEqual', true), true],
  ['null date fails greaterThan', NULL_AMOUNT, leaf('dueDate', 'greaterThan', '0000-01-01'), false],
  ['missing fact fails equal', WITHOUT_CHANNEL, leaf('channel', 'equal', 'paper'), false],
  ['missing fact meets notIn', WITHOUT_CHANNEL, leaf('channel', 'notIn', ['paper']), true],
  ['empty in matches nothing', FACTS, leaf('amount', 'in', []), false],
  ['empty notIn matches all', FACTS, leaf('amount', 'notIn', []), true],
  ['empty notIn on null', NULL_AMOUNT, leaf('amount', 'notIn', []), true],
  ['empty all holds', FACTS, { all: [] }, true],
  ['not of empty all fails', FACTS, { not: { all: [] } }, false],
  ['inclusive bound holds', FACTS, leaf('amount', 'lessThanInclusive', 100), true],
  ['strict bound fails', FACTS, leaf('amount', 'lessThan', 100), false],
  ['greaterThanInclusive bound', FACTS, leaf('amount', 'greaterThanInclusive', 100), true],
  ['doubles compare exactly', FACTS, leaf('openAmount', 'equal', 0.3), false],
  ['sum of doubles', FACTS, leaf('customerOpenAmount', 'equal', 0.1 + 0.2), false],
  ['doubles order exactly', FACTS, leaf('customerOpenAmount', 'lessThan', 0.1 + 0.2), true],
  ['numbers order as numbers', FACTS, leaf('daysPastDue', 'lessThan', 10), true],
  ['fraction of a day', FACTS, leaf('daysPastDue', 'greaterThan', 8.5), true],
  ['dates order as dates', FACTS, leaf('dueDate', 'lessThan', '2026-04-01'), true],
  ['date equal', FACTS, leaf('dueDate', 'equal', '2026-03-31'), true],
  ['date in list', FACTS, leaf('issueDate', 'in', ['2026-02-28', '2026-03-01']), true],
  ['year 0 date bound', FACTS, leaf('issueDate', 'greaterThan', '0000-02-29'), true],
  [
    'year 0 date fact',
    { ...FACTS, dueDate: '0000-02-29' },
    leaf('dueDate', 'lessThan', '0001-01-01'),
    true,
  ],
  ['year 9999 date', FACTS, leaf('dueDate', 'lessThan', '9999-12-31'), true],
  ['string with U+0000', FACTS, leaf('countryCode', 'equal', 'FR\u0000'), false],
  ['notEqual U+0000', FACTS, leaf('countryCode', 'notEqual', 'FR\u0000'), true],
  [
    'unpaired surrogate in list',
    { ...FACTS, countryCode: '\uFFFD' },
    leaf('countryCode', 'in', ['\uD800']),
    false,
  ],
  [
    'unpaired surrogate notIn',
    { ...FACTS, countryCode: '\uFFFD' },
    leaf('countryCode', 'notIn', ['\uD800']),
    true,
  ],
  ['strings are case sensitive', FACTS, leaf('language', 'equal', 'FR'), false],
  [
    'decomposed accent differs',
    { ...FACTS, language: 'é' },
    leaf('language', 'equal', 'e\u0301'),
    false,
  ],
  [
    'any stops at a match',
    FACTS,
    { any: [leaf('amount', 'equal', 1), leaf('amount', 'equal', 100)] },
    true,
  ],
];

describe('compileConditionSql', () => {
  it.each(CASES)('%s', async (_name, facts, rule, expected) => {
    const trx = await testDb.db.kysely.startTransaction().execute();
    try {
      await insertFactRows(trx, [facts]);
      const [[inSql]] = (await evaluateOnFactRows(trx, [rule])) as [[boolean]];
      expect(await evaluateCondition(rule, facts)).toBe(expected);
      expect(compileCondition(rule)(facts)).toBe(expected);
      expect(inSql).toBe(expected);
    } finally {
      await trx.rollback().execute();
    }
  });

  it('binds values as parameters', () => {
    const value = "x'); drop table invoices; --";
    const rule = leaf('customerId', 'in', [value]);
    const compiled = sql`select ${compileConditionSql(rule, invoiceFactColumns('facts'))}`.compile(
      testDb.db.kysely,
    );
    expect(compiled.sql).not.toContain('drop table');
    expect(compiled.parameters).toContainEqual([value]);
  });

  it('rejects a numeric string', () => {
    const rule = leaf('amount', 'greaterThan', '50');
    expect(() => compileConditionSql(rule, invoiceFactColumns('facts'))).toThrow(InvalidRuleError);
  });

  it('rejects an unknown fact', () => {
    const rule = leaf('amout', 'equal', 1);
    expect(() => compileConditionSql(rule, invoiceFactColumns('facts'))).toThrow("use 'amount'");
  });
});
