import type { CompileCatalog } from '@dunflow/engine';
import type { Template } from '@dunflow/model';
import { pino, type Logger } from 'pino';
import { startTestStack, type TestStack } from '../testing/test-stack';
import type { ApiApp, ApiDependencies } from './api-dependencies';
import { createApi } from './create-api';

/*
 * Helpers for the API tests: a test stack with the API over it, requests through
 * `app.request()`, and books whose dates are relative to today.
 */

const QUICK_TEMPLATES: Template[] = [
  {
    id: 'first',
    channel: 'email',
    language: 'en',
    subject: 'Invoice {{invoiceId}} is overdue',
    body: 'Invoice {{invoiceId}} of {{amount}} {{currency}} was due on {{dueDate}}.',
  },
  {
    id: 'second',
    channel: 'email',
    language: 'en',
    subject: 'Second reminder for invoice {{invoiceId}}',
    body: 'Please pay {{openAmount}} {{currency}} here: {{paymentLink}}',
  },
];

/** The templates `quickScenario` sends. */
export const QUICK_CATALOG: CompileCatalog = { templates: QUICK_TEMPLATES, ruleSets: [] };

export interface ApiTestContext {
  stack: TestStack;
  deps: ApiDependencies;
  app: ApiApp;
  stop(): Promise<void>;
}

/** Starts a test stack (fresh database and task queue) and the API over it. */
export async function startApiTest(
  temporalAddress: string,
  overrides: Partial<ApiDependencies> = {},
): Promise<ApiTestContext> {
  const stack = await startTestStack(temporalAddress);
  const deps: ApiDependencies = {
    db: stack.db,
    client: stack.client,
    taskQueue: stack.taskQueue,
    logger: pino({ level: 'silent' }),
    catalog: QUICK_CATALOG,
    inbox: stack.smtp,
    stripeWebhookSecret: stack.stripe.webhookSecret,
    ...overrides,
  };
  return { stack, deps, app: createApi(deps), stop: () => stack.stop() };
}

/** A response with its JSON body, typed as the test expects it. */
export interface JsonReply<T> {
  status: number;
  body: T;
}

/** The error body every failing route returns. */
export interface ErrorReply {
  error: {
    code: string;
    message: string;
    fix?: string;
    issues?: { path: string; message: string; nodeId?: string; code?: string }[];
  };
}

/** Sends a request to the app in-process. A body that is not a string is sent as JSON. */
export async function call<T = ErrorReply>(
  app: ApiApp,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonReply<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    if (typeof body !== 'string') init.headers = { 'Content-Type': 'application/json', ...headers };
  }
  const response = await app.request(path, init);
  return { status: response.status, body: (await response.json()) as T };
}

/** Posts a CSV file to `POST /imports` with the given query string. */
export function importCsv<T>(app: ApiApp, csv: string, query = ''): Promise<JsonReply<T>> {
  return call<T>(app, 'POST', `/imports${query}`, csv, { 'Content-Type': 'text/csv' });
}

/** Returns the date `days` days before today (UTC), as `YYYY-MM-DD`. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Builds a CSV book in the English layout of an ERP export, one line per invoice. */
export function bookCsv(
  rows: readonly {
    id: string;
    customerId: string;
    email?: string;
    issuedDaysAgo: number;
    dueDaysAgo: number;
    amount: string;
    settledDaysAgo?: number;
  }[],
): string {
  const header =
    'Invoice Number,Customer ID,Customer Name,Email,Country,Invoice Date,Due Date,Amount,Currency,Settled Date';
  const lines = rows.map((row) =>
    [
      row.id,
      row.customerId,
      `Customer ${row.customerId}`,
      row.email ?? '',
      'FR',
      daysAgo(row.issuedDaysAgo),
      daysAgo(row.dueDaysAgo),
      row.amount,
      'EUR',
      row.settledDaysAgo === undefined ? '' : daysAgo(row.settledDaysAgo),
    ].join(','),
  );
  return [header, ...lines].join('\n');
}

/** Creates a logger that keeps every record, for tests that check what was logged. */
export function memoryLogger(): { logger: Logger; records: Record<string, unknown>[] } {
  const records: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug' },
    {
      write: (line: string) => {
        records.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  );
  return { logger, records };
}

/** Polls `check` every 100 ms until it holds, failing after `timeoutMs`. */
export async function waitUntil(
  check: () => Promise<boolean>,
  description: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${description}: not reached within ${timeoutMs} ms`);
}
