import { portInUse } from '@dunflow/runtime';
import { UsageError } from '../commands/usage-error';
import type { StackOptions } from './stack-options';

/** Fails before anything starts when a port of `options` is in use, naming its option. */
export async function checkPortsFree(options: StackOptions): Promise<void> {
  const ports: [option: string, port: number][] = [
    ['--api-port', options.apiPort],
    ['--temporal-port', options.temporalPort],
    ['--ui-port', options.temporalUiPort],
    ['--smtp-port', options.smtpPort],
    ['--stripe-port', options.stripePort],
  ];
  checkDistinct(ports);
  const inUse: [option: string, port: number][] = [];
  for (const entry of ports) if (await portInUse(entry[1])) inUse.push(entry);
  if (inUse.length === 0) return;
  const list = inUse.map(([option, port]) => `port ${String(port)} (${option})`).join(', ');
  const optionNames = inUse.map(([option]) => option).join(', ');
  throw new Error(
    `${list} ${inUse.length === 1 ? 'is' : 'are'} already in use by another process; ` +
      `stop that process (is another dunflow start running?) or pass a free port with ${optionNames}`,
  );
}

function checkDistinct(ports: readonly [option: string, port: number][]): void {
  for (const [index, [option, port]] of ports.entries()) {
    const other = ports.slice(index + 1).find((entry) => entry[1] === port && port !== 0);
    if (other !== undefined) {
      throw new UsageError(
        option,
        `${option} and ${other[0]} are both ${String(port)}; give each part its own port`,
      );
    }
  }
}
