import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@dunflow/runtime';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
const CLI = join(REPO_ROOT, 'packages/cli/src/main.ts');

interface StartSummary {
  urls: { api: string; temporalUi: string; inbox: string };
  database: string;
  book: { open: number; imported: { inserted: number; updated: number; unchanged: number } };
  scenario: { id: string; started: number; alreadyStarted: number };
}

interface Started {
  child: ChildProcess;
  summary: StartSummary;
}

async function startDunflow(dataDir: string, ports: Record<string, number>): Promise<Started> {
  const args = [CLI, 'start', '--json', '--data-dir', dataDir];
  for (const [option, port] of Object.entries(ports)) args.push(`--${option}`, String(port));
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  const child = spawn(TSX, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    const end = stdout.lastIndexOf('}');
    if (end > 0) {
      try {
        return {
          child,
          summary: JSON.parse(stdout.slice(stdout.indexOf('{'), end + 1)) as StartSummary,
        };
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
      'api-port': await freePort(),
      'temporal-port': await freePort(),
      'ui-port': await freePort(),
      'smtp-port': await freePort(),
      'stripe-port': await freePort(),
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
      expect(second.summary.scenario.started).toBe(0);
      expect(second.summary.scenario.alreadyStarted).toBe(first.summary.scenario.started);
    } finally {
      expect(await stopDunflow(second.child)).toBe(0);
    }
  }, 600_000);
});

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
