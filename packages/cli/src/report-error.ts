/**
 * Prints a failed command's error: `dunflow: message` on standard error and, when the command
 * line asked for `--json`, also a JSON document `{"error":{...}}` on standard output, so a
 * script that parses the output gets the failure as JSON too.
 */
export function reportError(error: unknown, argv: readonly string[] = process.argv): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`dunflow: ${message}\n`);
  if (!argv.includes('--json')) return;
  const name = error instanceof Error ? error.name : 'Error';
  const option = (error as { option?: unknown }).option;
  const body = { error: { name, message, ...(typeof option === 'string' ? { option } : {}) } };
  process.stdout.write(`${JSON.stringify(body)}\n`);
}
