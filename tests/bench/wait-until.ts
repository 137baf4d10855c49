import { setTimeout as sleep } from 'node:timers/promises';

const POLL_INTERVAL_MS = 25;

/**
 * Polls `done` every 25 ms until it returns true, so a measured wait is late by at most one
 * interval and one call of `done`. Raises when `timeoutMs` passes first.
 */
export async function waitUntil(
  description: string,
  done: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    await sleep(POLL_INTERVAL_MS);
  }
}
