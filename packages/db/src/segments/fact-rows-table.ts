import { INVOICE_FACTS } from '@dunflow/model';
import type { FactValues, TopLevelCondition } from '@dunflow/model';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DatabaseSchema } from '../database-schema';
import { compileConditionSql } from './condition-sql';
import { invoiceFactColumns } from './fact-columns';
import { SQL_FACT_TYPES } from './leaf-sql';
import { toSqlScalar } from './sql-rule-value';

/*
 * A table of arbitrary fact rows, one nullable column per fact, for testing compiled SQL
 * conditions on facts no book could produce, such as a NULL amount. Not exported from the
 * package.
 */

const TABLE = 'fact_rows';

/** Creates the fact rows table; call once per test database. */
export async function createFactRowsTable(db: Kysely<DatabaseSchema>): Promise<void> {
  const columns = INVOICE_FACTS.map(
    (fact) => sql`${sql.id(fact.name)} ${sql.raw(SQL_FACT_TYPES[fact.type])}`,
  );
  await sql`create table ${sql.id(TABLE)} (row_id int primary key, ${sql.join(columns)})`.execute(
    db,
  );
}

/** Inserts the rows, numbered from 0 in order; a missing fact is stored as NULL. */
export async function insertFactRows(
  db: Kysely<DatabaseSchema>,
  rows: readonly FactValues[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = sql.join(INVOICE_FACTS.map((fact) => sql.id(fact.name)));
  const values = rows.map((facts, index) => {
    const cells = INVOICE_FACTS.map((fact) => {
      const value = facts[fact.name] ?? null;
      const scalar = value === null ? undefined : toSqlScalar(value, fact.type);
      return scalar?.kind === 'bound' ? scalar.value : null;
    });
    return sql`(${index}, ${sql.join(cells)})`;
  });
  await sql`insert into ${sql.id(TABLE)} (row_id, ${names}) values ${sql.join(values)}`.execute(db);
}

/** Evaluates each rule on every row in one query, and returns the results by row, then rule. */
export async function evaluateOnFactRows(
  db: Kysely<DatabaseSchema>,
  rules: readonly TopLevelCondition[],
): Promise<boolean[][]> {
  const columns = invoiceFactColumns('facts');
  const selections = rules.map(
    (rule, index) => sql`${compileConditionSql(rule, columns)} as ${sql.id(`rule_${index}`)}`,
  );
  const result = await sql<Record<string, boolean>>`select ${sql.join(selections)}
    from ${sql.id(TABLE)} as facts order by row_id`.execute(db);
  return result.rows.map((row) => rules.map((_, index) => row[`rule_${index}`] ?? false));
}
