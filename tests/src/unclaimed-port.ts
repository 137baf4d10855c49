import { portInUse } from '@dunflow/runtime';

// Below the kernel's ephemeral range (32768 and up on Linux). A server that binds port 0,
// such as the Temporal dev server's internal services, then cannot take a port between the
// moment it is chosen here and the moment it is used.
const LOW = 20_000;
const HIGH = 32_000;
const handedOut = new Set<number>();

/** Returns a free TCP port on 127.0.0.1 outside the ephemeral range, not handed out before. */
export async function unclaimedPort(): Promise<number> {
  for (;;) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (handedOut.has(port) || (await portInUse(port))) continue;
    handedOut.add(port);
    return port;
  }
}
