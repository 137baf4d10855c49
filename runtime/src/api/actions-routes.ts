import {
  QueryNotRegisteredError,
  WorkflowNotFoundError,
  type WorkflowHandle,
} from '@temporalio/client';
import type { RunView } from '@dunflow/engine/interpreter';
import { z } from 'zod';
import { LocalDate } from '@dunflow/model';
import { addDays } from '@dunflow/engine/interpreter';
import { dunningWorkflowId } from '../workflows/dunning-input';
import {
  cancelSignal,
  disputeOpenedSignal,
  disputeResolvedSignal,
  pauseSignal,
  promiseToPaySignal,
  resumeSignal,
  runViewQuery,
} from '../workflows/signals';
import type { ApiApp, ApiDependencies } from './api-dependencies';
import { ApiError } from './api-error';
import { todayOf } from './clock';
import { parseJsonBody } from './request-input';
import { requireInvoice } from './require-invoice';
import { signalWorkflow } from './signal-workflow';

const ReasonBody = z.strictObject({ reason: z.string().min(1).max(1000).optional() });
const PromiseBody = z.strictObject({ promisedDate: LocalDate });
const ResolveBody = z.strictObject({
  resolution: z.enum(['resume', 'cancelInvoice'], { error: 'expected resume or cancelInvoice' }),
});

/**
 * Adds the operator's actions on a running workflow: promise to pay, dispute and its
 * resolution, pause, resume and cancel. Each sends a signal and replies 202, because the
 * workflow applies it asynchronously. `GET /invoices/:id/workflow` shows the result.
 */
export function registerActionRoutes(app: ApiApp, deps: ApiDependencies): void {
  app.post('/invoices/:id/promise-to-pay', async (c) => {
    const invoiceId = await invoiceIdOf(deps, c.req.param('id'));
    const body = await parseJsonBody(c, PromiseBody);
    checkPromiseDate(body.promisedDate, todayOf(deps));
    await send(deps, invoiceId, 'promiseToPay', (handle) =>
      handle.signal(promiseToPaySignal, body),
    );
    return c.json(accepted(invoiceId, 'promiseToPay', body), 202);
  });

  app.post('/invoices/:id/disputes', async (c) => {
    const invoiceId = await invoiceIdOf(deps, c.req.param('id'));
    const body = await parseJsonBody(c, ReasonBody, true);
    await requireView(deps, invoiceId, (view) =>
      view.disputeOpen ? 'a dispute is already open; resolve it first' : undefined,
    );
    await send(deps, invoiceId, 'disputeOpened', (handle) =>
      handle.signal(disputeOpenedSignal, body),
    );
    return c.json(accepted(invoiceId, 'disputeOpened', body), 202);
  });

  app.post('/invoices/:id/disputes/resolve', async (c) => {
    const invoiceId = await invoiceIdOf(deps, c.req.param('id'));
    const body = await parseJsonBody(c, ResolveBody);
    await requireView(deps, invoiceId, (view) =>
      view.disputeOpen ? undefined : 'no dispute is open',
    );
    await send(deps, invoiceId, 'disputeResolved', (handle) =>
      handle.signal(disputeResolvedSignal, body),
    );
    return c.json(accepted(invoiceId, 'disputeResolved', body), 202);
  });

  app.post('/invoices/:id/pause', async (c) => {
    const invoiceId = await invoiceIdOf(deps, c.req.param('id'));
    const body = await parseJsonBody(c, ReasonBody, true);
    await send(deps, invoiceId, 'pause', (handle) => handle.signal(pauseSignal, body));
    return c.json(accepted(invoiceId, 'pause', body), 202);
  });

  app.post('/invoices/:id/resume', async (c) => {
    const invoiceId = await invoiceIdOf(deps, c.req.param('id'));
    await parseJsonBody(c, z.strictObject({}), true);
    await requireView(deps, invoiceId, notPausedManually);
    await send(deps, invoiceId, 'resume', (handle) => handle.signal(resumeSignal));
    return c.json(accepted(invoiceId, 'resume', {}), 202);
  });

  app.post('/invoices/:id/cancel', async (c) => {
    const invoiceId = await invoiceIdOf(deps, c.req.param('id'));
    const body = await parseJsonBody(c, ReasonBody, true);
    await send(deps, invoiceId, 'cancel', (handle) => handle.signal(cancelSignal, body));
    return c.json(accepted(invoiceId, 'cancel', body), 202);
  });
}

/**
 * Raises a 409 when the run's state makes the action pointless, with the reason `problem`
 * gives, instead of accepting a signal the workflow would only record as ignored. A run that
 * is not running is left to `send`, which reports it.
 */
async function requireView(
  deps: ApiDependencies,
  invoiceId: string,
  problem: (view: RunView) => string | undefined,
): Promise<void> {
  let view: RunView;
  try {
    view = await deps.client.workflow.getHandle(dunningWorkflowId(invoiceId)).query(runViewQuery);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError || error instanceof QueryNotRegisteredError) return;
    throw error;
  }
  const reason = problem(view);
  if (reason === undefined || view.status === 'completed') return;
  throw new ApiError(409, 'actionNotApplicable', `invoice '${invoiceId}': ${reason}`, {
    fix: 'check the run with GET /invoices/{id}/workflow before acting on it',
    ids: { invoiceId, workflowId: dunningWorkflowId(invoiceId) },
  });
}

function notPausedManually(view: RunView): string | undefined {
  if (view.pausedFor.includes('manual')) return undefined;
  if (view.pausedFor.length === 0) return 'the run is not paused';
  return `the run is not paused by hand; it waits for: ${view.pausedFor.join(', ')}`;
}

async function invoiceIdOf(deps: ApiDependencies, id: string): Promise<string> {
  return (await requireInvoice(deps, id)).invoice.id;
}

/** Signals the invoice's workflow, or raises a 409 when it has none running. */
async function send(
  deps: ApiDependencies,
  invoiceId: string,
  signal: string,
  deliver: (handle: WorkflowHandle) => Promise<void>,
): Promise<void> {
  if (await signalWorkflow(deps, invoiceId, signal, deliver)) return;
  throw new ApiError(
    409,
    'noRunningWorkflow',
    `invoice '${invoiceId}' has no running dunning workflow, so the ${signal} signal was not sent`,
    {
      fix: 'check the run with GET /invoices/{id}/workflow; start dunning again with POST /invoices/{id}/workflow/restart if it ended, or with POST /scenarios/{scenarioId}/runs if it never started',
      ids: { invoiceId, workflowId: dunningWorkflowId(invoiceId) },
    },
  );
}

// A promise further out than this is a payment plan, not a promise, and is usually a typo.
const PROMISE_HORIZON_DAYS = 365;

/** Rejects a promise dated before today, which has passed, or beyond the promise horizon. */
function checkPromiseDate(promisedDate: string, today: string): void {
  const latest = addDays(today, PROMISE_HORIZON_DAYS);
  if (promisedDate >= today && promisedDate <= latest) return;
  const problem =
    promisedDate < today
      ? `promisedDate '${promisedDate}' is before today, ${today}`
      : `promisedDate '${promisedDate}' is more than ${String(PROMISE_HORIZON_DAYS)} days ahead`;
  throw new ApiError(422, promisedDate < today ? 'promiseInPast' : 'promiseTooFar', problem, {
    fix: `give the date the customer promised to pay by, between ${today} and ${latest}`,
    issues: [{ path: 'promisedDate', message: problem }],
  });
}

function accepted(invoiceId: string, signal: string, data: object) {
  return { invoiceId, workflowId: dunningWorkflowId(invoiceId), signal, ...data };
}
