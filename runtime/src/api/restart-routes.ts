import { z } from 'zod';
import { currentDefinition, getDefinition, getWorkflowRun } from '@dunflow/db';
import { RestartError, restartRun } from '../services/restart-run';
import { dunningWorkflowId } from '../workflows/dunning-input';
import type { ApiApp, ApiDependencies } from './api-dependencies';
import { ApiError, notFound } from './api-error';
import { todayOf } from './clock';
import { parseJsonBody } from './request-input';
import { requireInvoice } from './require-invoice';

const RestartBody = z.strictObject({
  /** The scenario of the new campaign; the scenario of the ended run when absent. */
  scenarioId: z.string().min(1).max(200).optional(),
  reason: z.string().min(1).max(1000).optional(),
});

/**
 * Adds `POST /invoices/:id/workflow/restart`: a new dunning campaign for an invoice whose run
 * has ended, on the latest version of the scenario. It replies 202 with the campaign number.
 */
export function registerRestartRoute(app: ApiApp, deps: ApiDependencies): void {
  app.post('/invoices/:id/workflow/restart', async (c) => {
    const { invoice } = await requireInvoice(deps, c.req.param('id'));
    const body = await parseJsonBody(c, RestartBody, true);
    const scenarioId = body.scenarioId ?? (await previousScenarioId(deps, invoice.id));
    const definition = await currentDefinition(deps.db, scenarioId);
    if (definition === undefined) {
      throw notFound('scenario', scenarioId, 'publish it first with POST /scenarios');
    }
    try {
      const restarted = await restartRun(deps, {
        invoiceId: invoice.id,
        dueDate: invoice.dueDate,
        definition,
        today: todayOf(deps),
        ...(body.reason === undefined ? {} : { reason: body.reason }),
      });
      const scenario = { scenarioId, scenarioHash: definition.hash };
      return c.json({ invoiceId: invoice.id, ...scenario, ...restarted }, 202);
    } catch (error) {
      if (error instanceof RestartError) throw restartFailure(invoice.id, error);
      throw error;
    }
  });
}

async function previousScenarioId(deps: ApiDependencies, invoiceId: string): Promise<string> {
  const run = await getWorkflowRun(deps.db, dunningWorkflowId(invoiceId));
  const previous = run && (await getDefinition(deps.db, run.scenarioHash));
  if (previous === undefined) {
    throw new ApiError(409, 'noRun', `invoice '${invoiceId}' has never had a dunning run`, {
      fix: 'start its first run with POST /scenarios/{scenarioId}/runs, or name a scenarioId',
      ids: { invoiceId },
    });
  }
  return previous.scenarioId;
}

function restartFailure(invoiceId: string, error: RestartError): ApiError {
  const ids = { invoiceId, workflowId: dunningWorkflowId(invoiceId) };
  switch (error.reason) {
    case 'runActive':
      return new ApiError(409, 'runActive', error.message, {
        fix: 'a run that has not ended goes on by itself; cancel it first with POST /invoices/{id}/cancel',
        ids,
      });
    case 'invoiceSettled':
      return new ApiError(422, 'invoiceSettled', error.message, {
        fix: 'a settled invoice needs no dunning; check the invoice id',
        ids,
      });
    case 'noRun':
      return new ApiError(409, 'noRun', error.message, {
        fix: 'start its first run with POST /scenarios/{scenarioId}/runs',
        ids,
      });
  }
}
