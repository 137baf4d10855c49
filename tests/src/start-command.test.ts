import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unclaimedPort } from './unclaimed-port';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(REPO_ROOT, 'packages/cli/src/main.ts');

interface StartSummary {
  urls: { api: string; temporalUi: string; inbox: string };
  database: string;
  book: {
    open: number;
    imported: { inserted: number; updated: number; unchanged: number };
    keptFromEarlierStart: boolean;
  };
  scenario: { id: string; started: number; alreadyStarted: number };
}

interface Started {
  child: ChildProcess;
  summary: StartSummary;
  stderr: () => string;
}

async function startDunflow(dataDir: string, ports: Record<string, number>): Promise<Started> {
  // One process (no tsx launcher in between), so that SIGKILL hits dunflow start itself.
  const args = ['--import', 'tsx', CLI, 'start', '--json', '--data-dir', dataDir];
  for (const [option, port] of Object.entries(ports)) args.push(`--${option}`, String(port));
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    const end = stdout.lastIndexOf('}');
    if (end > 0) {
      try {
        const summary = JSON.parse(stdout.slice(stdout.indexOf('{'), end + 1)) as StartSummary;
        return { child, summary, stderr: () => stderr };
      } catch {
        // The JSON document is not complete yet.
      }
    }
    if (child.exitCode !== null)
      throw new Error(`dunflow start exited ${child.exitCode}: ${stderr}`);
    await new Promise((done) => setTimeout(done, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`dunflow start printed no summary within 240 s: ${stderr}`);
}

async function stopDunflow(child: ChildProcess): Promise<number | null> {
  const exited = once(child, 'exit');
  child.kill('SIGINT');
  const [code] = (await exited) as [number | null];
  return code;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('dunflow start on embedded defaults', () => {
  let dataDir: string;
  let ports: Record<string, number>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dunflow-start-'));
    ports = {
      'api-port': await unclaimedPort(),
      'temporal-port': await unclaimedPort(),
      'ui-port': await unclaimedPort(),
      'smtp-port': await unclaimedPort(),
      'stripe-port': await unclaimedPort(),
    };
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs the demo book, stops on Ctrl-C and resumes', async () => {
    const first = await startDunflow(dataDir, ports);
    try {
      expect(first.summary.database).toContain('embedded');
      expect(first.summary.book.imported.inserted).toBeGreaterThan(2_466);
      expect(first.summary.book.keptFromEarlierStart).toBe(false);
      expect(first.summary.book.open).toBeGreaterThan(0);
      expect(first.summary.scenario.started).toBeGreaterThan(0);

      const open = await getJson<{ invoices: { id: string }[] }>(
        `${first.summary.urls.api}/invoices?status=open&limit=1000`,
      );
      expect(open.invoices.length).toBe(first.summary.book.open);
      const firstInvoice = open.invoices[0]?.id ?? '';
      const workflow = await getJson<{ run: { status: string } }>(
        `${first.summary.urls.api}/invoices/${firstInvoice}/workflow`,
      );
      expect(['running', 'completed']).toContain(workflow.run.status);
      const inbox = await waitForMail(first.summary.urls.inbox);
      expect(inbox).toBeGreaterThan(0);
      const ui = await fetch(first.summary.urls.temporalUi);
      expect(ui.status).toBe(200);
    } finally {
      expect(await stopDunflow(first.child)).toBe(0);
    }

    const second = await startDunflow(dataDir, ports);
    try {
      expect(second.summary.book.imported.inserted).toBe(0);
      expect(second.summary.book.imported.updated).toBe(0);
      expect(second.summary.book.keptFromEarlierStart).toBe(true);
      expect(second.summary.scenario.started).toBe(0);
      expect(second.summary.scenario.alreadyStarted).toBe(first.summary.scenario.started);

      const other = await otherPorts();
      const blocked = await runToExit(['start', '--data-dir', dataDir, ...other]);
      expect(blocked.code).toBe(1);
      expect(blocked.stderr).toContain(
        `is in use by another dunflow start (pid ${String(second.child.pid)}`,
      );
    } catch (error) {
      await stopDunflow(second.child);
      throw error;
    }

    // Killed without a chance to clean up: its lock and its Temporal child stay behind.
    const killed = once(second.child, 'exit');
    second.child.kill('SIGKILL');
    await killed;
    const third = await startDunflow(dataDir, ports);
    try {
      expect(third.stderr()).toContain('stopped a Temporal server left by a killed start');
      expect(third.summary.book.imported.inserted).toBe(0);
      expect(third.summary.scenario.started).toBe(0);
      expect(third.summary.scenario.alreadyStarted).toBe(first.summary.scenario.started);
    } finally {
      expect(await stopDunflow(third.child)).toBe(0);
    }
  }, 600_000);

  it('names the option of a port that is taken', async () => {
    const other = await otherPorts();
    const occupier = createServer();
    await new Promise<void>((done) => occupier.listen(ports['api-port'], '127.0.0.1', done));
    try {
      const dir = await mkdtemp(join(tmpdir(), 'dunflow-port-'));
      const args = ['start', '--data-dir', dir, ...other.slice(2)];
      const result = await runToExit([...args, '--api-port', String(ports['api-port'])]);
      await rm(dir, { recursive: true, force: true });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `port ${String(ports['api-port'])} (--api-port) is already in use`,
      );
    } finally {
      occupier.close();
    }
  });
});

async function otherPorts(): Promise<string[]> {
  const names = ['api-port', 'temporal-port', 'ui-port', 'smtp-port', 'stripe-port'];
  const args: string[] = [];
  for (const name of names) args.push(`--${name}`, String(await unclaimedPort()));
  return args;
}

async function runToExit(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

async function waitForMail(inboxUrl: string): Promise<number> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const body = await getJson<unknown>(inboxUrl);
    const count = Array.isArray(body)
      ? body.length
      : ((body as { messages?: unknown[] }).messages?.length ?? 0);
    if (count > 0) return count;
    await new Promise((done) => setTimeout(done, 1_000));
  }
  return 0;
}
