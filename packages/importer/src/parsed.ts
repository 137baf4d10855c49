/** The outcome of reading one cell: a value, or why the cell is invalid. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export function accepted<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function invalid(reason: string): Parsed<never> {
  return { ok: false, reason };
}
