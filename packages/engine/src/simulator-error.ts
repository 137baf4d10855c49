/** Raised when a simulation cannot run on its inputs, e.g. a payment for an unknown invoice. */
export class SimulationError extends Error {
  override readonly name = 'SimulationError';

  constructor(
    message: string,
    /** The invoice, payment or rule set at fault, by id. */
    readonly subject: string,
  ) {
    super(message);
  }
}
