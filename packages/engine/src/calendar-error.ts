/** Raised when a date, an instant or the business-day settings are invalid for date arithmetic. */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';

  constructor(
    /** The parameter or setting that is invalid, e.g. `businessDays`. */
    readonly field: string,
    /** The offending value. */
    readonly value: unknown,
    message: string,
  ) {
    super(message);
  }
}
