import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * The one structured logger of Dunflow's services; `LOG_LEVEL` sets its level. It writes to
 * standard error, so that a command's standard output stays its result, e.g. `--json`.
 */
export function createLogger(name: string, level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({ name, level }, pino.destination({ dest: 2, sync: true }));
}
