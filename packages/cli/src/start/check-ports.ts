import { portInUse } from '@dunflow/runtime';
import type { StackOptions } from './stack-options';

/** Fails before anything starts when a port of `options` is taken, naming its option. */
export async function checkPortsFree(options: StackOptions): Promise<void> {
  const ports: [option: string, port: number][] = [
    ['--api-port', options.apiPort],
    ['--temporal-port', options.temporalPort],
    ['--ui-port', options.temporalUiPort],
    ['--smtp-port', options.smtpPort],
    ['--stripe-port', options.stripePort],
  ];
  const taken: [option: string, port: number][] = [];
  for (const entry of ports) if (await portInUse(entry[1])) taken.push(entry);
  if (taken.length === 0) return;
  const list = taken.map(([option, port]) => `port ${String(port)} (${option})`).join(', ');
  const options_ = taken.map(([option]) => option).join(', ');
  throw new Error(
    `${list} ${taken.length === 1 ? 'is' : 'are'} already in use by another process; ` +
      `stop that process (is another dunflow start running?) or pass a free port with ${options_}`,
  );
}
