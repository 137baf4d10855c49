/**
 * Raised when a KPI receives an invalid parameter. Carries the parameter's name and value so
 * a caller (API, CLI, dashboard) can point at the offending input.
 */
export class KpiInputError extends Error {
  override readonly name = 'KpiInputError';

  constructor(
    readonly parameter: string,
    readonly value: unknown,
    message: string,
  ) {
    super(message);
  }
}
