import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '@dunflow/runtime';
import { checkPortsFree } from './check-ports';
import { DEFAULT_STACK_OPTIONS, type StackOptions } from './stack-options';

async function listen(port: number): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

async function freeOptions(): Promise<StackOptions> {
  return {
    ...DEFAULT_STACK_OPTIONS,
    apiPort: await freePort(),
    temporalPort: await freePort(),
    temporalUiPort: await freePort(),
    smtpPort: await freePort(),
    stripePort: await freePort(),
  };
}

describe('checkPortsFree', () => {
  const servers: Server[] = [];

  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  it('passes when every port is free', async () => {
    await expect(checkPortsFree(await freeOptions())).resolves.toBeUndefined();
  });

  it('names each taken port and the option that moves it', async () => {
    const options = await freeOptions();
    servers.push(await listen(options.apiPort), await listen(options.smtpPort));
    await expect(checkPortsFree(options)).rejects.toThrow(
      `port ${String(options.apiPort)} (--api-port), port ${String(options.smtpPort)} ` +
        '(--smtp-port) are already in use by another process; stop that process (is another ' +
        'dunflow start running?) or pass a free port with --api-port, --smtp-port',
    );
  });

  it('rejects one port given to two options', async () => {
    const options = { ...(await freeOptions()) };
    options.stripePort = options.apiPort;
    await expect(checkPortsFree(options)).rejects.toThrow(
      `--api-port and --stripe-port are both ${String(options.apiPort)}; give each part its own port`,
    );
  });
});
