import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The record, in a data folder's lock file, of the `dunflow start` that holds it. */
interface LockRecord {
  pid: number;
  startedAt: string;
  /** The Temporal dev server child, so that a successor can stop it if it was orphaned. */
  temporalPid?: number;
}

/** The lock on a data folder, held by one `dunflow start` at a time. */
export interface DataDirLock {
  /** The Temporal orphan a previous, killed start left running, stopped before this one. */
  readonly stoppedOrphan?: number;
  recordTemporal(pid: number): Promise<void>;
  release(): Promise<void>;
}

const LOCK_FILE = 'dunflow.lock';

/**
 * Takes the lock of `dataDir`. Two starts on one folder would share the embedded database
 * and Temporal's SQLite file and corrupt both, so a live holder makes this fail with the
 * holder's pid. A stale lock (its process is gone) is taken over, and a Temporal dev server
 * that the dead holder left running is stopped first.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const file = join(dataDir, LOCK_FILE);
  const record: LockRecord = { pid: process.pid, startedAt: new Date().toISOString() };
  let stoppedOrphan: number | undefined;
  for (;;) {
    if (await createExclusive(file, record)) break;
    const holder = await readLock(file);
    if (holder !== undefined && isAlive(holder.pid)) {
      throw new Error(
        `the data folder ${dataDir} is in use by another dunflow start (pid ` +
          `${String(holder.pid)}, since ${holder.startedAt}); stop it with Ctrl-C in its ` +
          `terminal or kill ${String(holder.pid)}, or pass --data-dir with another folder`,
      );
    }
    if (holder?.temporalPid !== undefined && (await stopOrphan(holder.temporalPid))) {
      stoppedOrphan = holder.temporalPid;
    }
    await rm(file, { force: true });
  }
  return {
    ...(stoppedOrphan === undefined ? {} : { stoppedOrphan }),
    recordTemporal: async (temporalPid) => {
      await writeFile(file, JSON.stringify({ ...record, temporalPid }));
    },
    release: () => rm(file, { force: true }),
  };
}

async function createExclusive(file: string, record: LockRecord): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    await handle.writeFile(JSON.stringify(record));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readLock(file: string): Promise<LockRecord | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LockRecord>;
    return typeof parsed.pid === 'number' && typeof parsed.startedAt === 'string'
      ? (parsed as LockRecord)
      : undefined;
  } catch {
    // An unreadable or half-written lock belongs to no live start.
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stops `pid` if it is still a Temporal server; a reused pid of another program is left. */
async function stopOrphan(pid: number): Promise<boolean> {
  if (!isAlive(pid) || !(await isTemporalServer(pid))) return false;
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  return true;
}

async function isTemporalServer(pid: number): Promise<boolean> {
  try {
    const commandLine = await readFile(`/proc/${String(pid)}/cmdline`, 'utf8');
    return commandLine.includes('start-dev');
  } catch {
    // Without /proc (macOS), the pid cannot be checked, so it is not touched.
    return false;
  }
}
