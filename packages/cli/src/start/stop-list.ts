/** Stops what was started, newest first, so a failed start leaves nothing running. */
export class StopList {
  private readonly stops: { name: string; stop: () => Promise<void> }[] = [];

  add(name: string, stop: () => Promise<void>): void {
    this.stops.push({ name, stop });
  }

  /** Runs every stop in reverse order; returns the errors of those that failed. */
  async stopAll(): Promise<{ name: string; error: unknown }[]> {
    const failures: { name: string; error: unknown }[] = [];
    for (const { name, stop } of this.stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        failures.push({ name, error });
      }
    }
    this.stops.length = 0;
    return failures;
  }
}
