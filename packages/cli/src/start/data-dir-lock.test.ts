import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from './data-dir-lock';

// A long-lived process whose command line reads like a Temporal dev server's.
function startLookalike(...args: string[]): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', ...args], {
    stdio: 'ignore',
  });
}

async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid ?? -1;
}

describe('acquireDataDirLock', () => {
  let dir: string;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dunflow-lock-'));
  });

  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  async function writeLock(record: object): Promise<void> {
    await writeFile(join(dir, 'dunflow.lock'), JSON.stringify(record));
  }

  it('records the holder and releases the folder', async () => {
    const lock = await acquireDataDirLock(dir);
    await lock.recordTemporal(4242);
    const record = JSON.parse(await readFile(join(dir, 'dunflow.lock'), 'utf8')) as object;
    expect(record).toMatchObject({ pid: process.pid, temporalPid: 4242 });
    await lock.release();
    const again = await acquireDataDirLock(dir);
    await again.release();
  });

  it('refuses a folder held by a live process, naming its pid', async () => {
    const holder = startLookalike();
    children.push(holder);
    await writeLock({ pid: holder.pid, startedAt: '2026-12-04T09:00:00.000Z' });
    await expect(acquireDataDirLock(dir)).rejects.toThrow(
      `is in use by another dunflow start (pid ${String(holder.pid)}, since 2026-12-04T09:00:00.000Z)`,
    );
  });

  it('takes over a stale lock and stops the Temporal server it left', async () => {
    const orphan = startLookalike('server', 'start-dev');
    children.push(orphan);
    const exited = once(orphan, 'exit');
    await writeLock({
      pid: await exitedPid(),
      startedAt: '2026-12-04T09:00:00.000Z',
      temporalPid: orphan.pid,
    });
    const lock = await acquireDataDirLock(dir);
    expect(lock.stoppedOrphan).toBe(orphan.pid);
    await exited;
    await lock.release();
  });

  it('leaves a reused pid that is not a Temporal server alone', async () => {
    const bystander = startLookalike('something-else');
    children.push(bystander);
    await writeLock({
      pid: await exitedPid(),
      startedAt: '2026-12-04T09:00:00.000Z',
      temporalPid: bystander.pid,
    });
    const lock = await acquireDataDirLock(dir);
    expect(lock.stoppedOrphan).toBeUndefined();
    expect(bystander.exitCode).toBeNull();
    await lock.release();
  });

  it('takes over a lock file that is not valid JSON', async () => {
    await writeFile(join(dir, 'dunflow.lock'), '{"pid":');
    const lock = await acquireDataDirLock(dir);
    await lock.release();
  });
});
