import { INVOICE_FACTS } from '@dunflow/model';
import type { FactDefinition } from '@dunflow/model';

/** The relation that compiled SQL conditions read facts from: one column per fact, by name. */
export interface FactColumns {
  /** Fact definitions by name, as in INVOICE_FACTS. */
  facts: ReadonlyMap<string, FactDefinition>;
  /** Alias of the table or subquery whose columns are named after the facts, e.g. `facts`. */
  table: string;
}

/** Returns the columns of INVOICE_FACTS under the alias `table`, as invoiceFactsOn selects them. */
export function invoiceFactColumns(
  table: string,
  catalog: readonly FactDefinition[] = INVOICE_FACTS,
): FactColumns {
  return { facts: new Map(catalog.map((fact) => [fact.name, fact])), table };
}
