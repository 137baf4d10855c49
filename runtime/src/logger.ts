import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** The one structured logger of Dunflow's services; `LOG_LEVEL` sets its level. */
export function createLogger(name: string, level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({ name, level });
}
