import { SingleBar, Presets } from 'cli-progress';

/** Reports the progress of long work, e.g. rows imported or invoices simulated. */
export type ProgressCallback = (done: number, total: number) => void;

/**
 * Creates a progress bar on standard error when it is a terminal and the output is not JSON;
 * otherwise the callback does nothing, so scripts and logs stay clean.
 */
export function createProgress(
  label: string,
  json: boolean | undefined,
): {
  update: ProgressCallback;
  stop(): void;
} {
  if (json === true || !process.stderr.isTTY) {
    return { update: () => undefined, stop: () => undefined };
  }
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total) => {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
