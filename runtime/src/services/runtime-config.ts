/** Settings of the worker and the API, read from the environment. */
export interface RuntimeConfig {
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  smtp: { host: string; port: number; from: string };
  stripe: { apiKey: string; baseUrl?: string; webhookSecret?: string };
}

export const DEFAULT_TASK_QUEUE = 'dunflow';

/** Reads the runtime settings from environment variables, naming the one that is missing or invalid. */
export function readRuntimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const smtp = parseSmtpUrl(env['SMTP_URL'] ?? 'smtp://127.0.0.1:2525');
  const baseUrl = env['STRIPE_API_BASE'];
  const webhookSecret = env['STRIPE_WEBHOOK_SECRET'];
  return {
    databaseUrl: required(env, 'DATABASE_URL', 'postgres://user@host:5432/dunflow'),
    temporalAddress: env['TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233',
    temporalNamespace: env['TEMPORAL_NAMESPACE'] ?? 'default',
    taskQueue: env['TASK_QUEUE'] ?? DEFAULT_TASK_QUEUE,
    smtp: { ...smtp, from: env['MAIL_FROM'] ?? 'Accounts receivable <ar@dunflow.localhost>' },
    stripe: {
      apiKey: required(env, 'STRIPE_API_KEY', 'sk_test_...'),
      ...(baseUrl === undefined || baseUrl === '' ? {} : { baseUrl }),
      ...(webhookSecret === undefined || webhookSecret === '' ? {} : { webhookSecret }),
    },
  };
}

function required(env: NodeJS.ProcessEnv, name: string, example: string): string {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new Error(`${name} is not set; set it, e.g. ${name}=${example}`);
  }
  return value;
}

/** Parses `smtp://host:port`, the form SMTP_URL takes. */
export function parseSmtpUrl(text: string): { host: string; port: number } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`SMTP_URL '${text}' is not a URL; use e.g. smtp://127.0.0.1:2525`);
  }
  if (url.protocol !== 'smtp:') {
    throw new Error(`SMTP_URL '${text}' must start with smtp://, e.g. smtp://127.0.0.1:2525`);
  }
  return { host: url.hostname, port: url.port === '' ? 25 : Number(url.port) };
}
