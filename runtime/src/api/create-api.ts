import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { registerActionRoutes } from './actions-routes';
import type { ApiApp, ApiDependencies, ApiEnv } from './api-dependencies';
import { ApiError } from './api-error';
import { errorResponse } from './error-response';
import { registerHealthRoutes } from './health-routes';
import { registerImportRoutes } from './imports-routes';
import { registerInboxRoutes } from './inbox-routes';
import { registerInvoiceRoutes } from './invoices-routes';
import { registerKpiRoutes } from './kpi-routes';
import { registerPaymentRoutes } from './payments-routes';
import { registerRestartRoute } from './restart-routes';
import { registerScenarioRoutes } from './scenarios-routes';
import { registerSegmentationRoutes } from './segmentation-routes';
import { registerTaskRoutes } from './tasks-routes';
import { registerWebhookRoutes } from './webhook-routes';
import { decodedPath, rejectUnsafeText } from './unsafe-text';

const MAX_JSON_BODY_KIB = 1024;
const MAX_JSON_BODY_BYTES = MAX_JSON_BODY_KIB * 1024;

/**
 * Builds the REST API of Dunflow: imports, invoices and their workflows, payments, operator
 * actions, scenarios, KPIs, tasks, the local inbox and the Stripe webhook. Bodies and replies
 * are JSON, except the CSV of `POST /imports`. Every error has the body `{ error: { code,
 * message, fix?, issues? } }`.
 */
export function createApi(deps: ApiDependencies): ApiApp {
  const app = new Hono<ApiEnv>();
  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const durationMs = Math.round(performance.now() - started);
    deps.logger.debug(
      {
        requestId: c.var.requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs,
      },
      'request handled',
    );
  });

  app.use(async (c, next) => {
    rejectUnsafeText(decodedPath(c.req.path), 'path');
    await next();
  });
  // Imports have a limit of their own; every other body is a small JSON document.
  const jsonLimit = bodyLimit({
    maxSize: MAX_JSON_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, 'bodyTooLarge', `the request body is over ${MAX_JSON_BODY_KIB} KiB`, {
        fix: 'send one JSON document per request; split large batches',
      });
    },
  });
  app.use(async (c, next) => {
    if (c.req.path === '/imports') await next();
    else await jsonLimit(c, next);
  });

  registerHealthRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerInvoiceRoutes(app, deps);
  registerRestartRoute(app, deps);
  registerSegmentationRoutes(app, deps);
  registerPaymentRoutes(app, deps);
  registerActionRoutes(app, deps);
  registerScenarioRoutes(app, deps);
  registerKpiRoutes(app, deps);
  registerTaskRoutes(app, deps);
  registerInboxRoutes(app, deps);
  registerWebhookRoutes(app, deps);

  app.notFound((c) => {
    const failure = new ApiError(404, 'routeNotFound', `no route ${c.req.method} ${c.req.path}`, {
      fix: 'check the method and the path; GET /health answers when the API is up',
    });
    return c.json(failure.toBody(), 404);
  });
  app.onError((error, c) => errorResponse(error, c, deps.logger));
  return app;
}
