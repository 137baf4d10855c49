/** How a command prints its result: text for people, or one JSON document for scripts. */
export interface OutputOptions {
  json?: boolean;
}

/** Prints `value` as JSON when `--json` is set, else the lines `toText` returns. */
export function printResult<T>(
  options: OutputOptions,
  value: T,
  toText: (value: T) => string[],
): void {
  if (options.json === true) {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${toText(value).join('\n')}\n`);
}

/** Formats minor units (cents) as an amount with two decimals and thousands separators. */
export function formatAmount(minor: number): string {
  return (minor / 100).toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}

/** Pads the columns of a table of strings so they line up in a terminal. */
export function formatTable(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}
