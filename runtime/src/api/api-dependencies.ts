import type { Client } from '@temporalio/client';
import type { SmtpCaptureServer } from '@dunflow/connectors';
import type { Database } from '@dunflow/db';
import type { CompileCatalog } from '@dunflow/engine';
import type { Hono } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';
import type { Logger } from 'pino';

/** The services and settings of the HTTP API. Tests pass their own database, task queue and clock. */
export interface ApiDependencies {
  db: Database;
  /** The Temporal client that starts, signals and queries the dunning workflows. */
  client: Client;
  /** The task queue the dunning workers poll, which runs are started on. */
  taskQueue: string;
  logger: Logger;
  /** The templates and rule sets that published scenarios compile against. */
  catalog: CompileCatalog;
  /** The local SMTP capture whose messages `GET /inbox` lists. Without it, that route is 404. */
  inbox?: SmtpCaptureServer;
  /** Signing secret (`whsec_...`) of the Stripe webhook endpoint. Without it, webhooks get 400. */
  stripeWebhookSecret?: string;
  /** The current time, whose UTC date is today's date for the routes. */
  now?: () => Date;
}

/** The Hono environment of the API: every request carries the id the log lines share. */
export interface ApiEnv {
  Variables: RequestIdVariables;
}

/** The API application, as `createApi` builds it. */
export type ApiApp = Hono<ApiEnv>;
