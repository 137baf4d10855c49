import type { CompiledDefinition } from '@dunflow/model';
import type { RunContext } from '@dunflow/engine/interpreter';

/** The input of one invoice's dunning workflow: the scenario version it keeps to the end. */
export interface DunningInput {
  definition: CompiledDefinition;
  context: RunContext;
}

/** Derives the workflow id from the invoice, so one invoice never runs two campaigns at once. */
export function dunningWorkflowId(invoiceId: string): string {
  return `dunning-${invoiceId}`;
}
