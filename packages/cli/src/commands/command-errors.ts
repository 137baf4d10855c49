import type { Command } from 'commander';
import { reportError } from '../report-error';
import { UsageError } from './usage-error';

/** Exit code of a command line that cannot run: unknown option, invalid value, missing argument. */
export const USAGE_EXIT_CODE = 2;

/** Exit codes, for the end of each command's --help. */
export const EXIT_CODES_HELP = `
Exit codes:
  0  done
  1  the input could not be used: a missing or unreadable file, a scenario that does not
     compile, a database that cannot be reached
  2  usage error: an unknown option, an invalid value, a missing argument`;

/**
 * Makes commander's parse errors on `command` read `dunflow: ...` and exit with code 2.
 * Help and version output keep exit code 0.
 */
export function reportUsageErrors(command: Command): Command {
  return command
    .configureOutput({
      outputError: (text, write) => {
        const message = text.replace(/^error: /, '');
        write(`dunflow: ${message}`);
        if (process.argv.includes('--json')) {
          const body = { error: { name: 'UsageError', message: message.trim() } };
          process.stdout.write(`${JSON.stringify(body)}\n`);
        }
      },
    })
    .exitOverride((error) => {
      // Commander calls process.exit with the error's code when this returns.
      if (error.exitCode === 0) return;
      process.exit(USAGE_EXIT_CODE);
    });
}

/**
 * Wraps a command's action so that a UsageError prints `dunflow: ...` and sets exit code 2.
 * Other errors propagate to main, which prints them the same way with exit code 1.
 */
export function withUsageErrors<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      reportError(error);
      process.exitCode = USAGE_EXIT_CODE;
    }
  };
}
