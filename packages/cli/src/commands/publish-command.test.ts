import { execFile } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, listVersions, openDatabase, type TestDatabase } from '@dunflow/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublishReport } from '../rules/publish-rules';
import type { PullOutput } from './pull-command';
import { createTempDir, REPO_ROOT, runDunflow, runDunflowJson, type TempDir } from './run-dunflow';

const run = promisify(execFile);
const RULE_FILES = [
  'scenarios/default.json',
  'segmentations/customer-risk.json',
  'templates/dispute-acknowledgement.json',
  'templates/firm-reminder.json',
  'templates/friendly-reminder.json',
  'templates/second-reminder.json',
];

let temp: TempDir;
let database: TestDatabase;
let rules: string;

beforeEach(async () => {
  temp = await createTempDir();
  database = await createTestDatabase();
  rules = join(temp.path, 'rules');
  await cp(join(REPO_ROOT, 'rules'), rules, { recursive: true });
});

afterEach(async () => {
  await database.drop();
  await temp.remove();
});

async function git(...args: string[]): Promise<string> {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
  };
  return (await run('git', args, { cwd: temp.path, env })).stdout.trim();
}

function publish(...paths: string[]) {
  return runDunflowJson<PublishReport>(['publish', ...paths, '--database-url', database.url]);
}

describe('publish', () => {
  it('publishes every file once', async () => {
    const first = await publish(rules);
    const again = await publish(rules);

    expect(first.json.published).toBe(true);
    expect(first.json.files.map((file) => file.status)).toEqual(RULE_FILES.map(() => 'created'));
    expect(again.json.files.map((file) => file.status)).toEqual(RULE_FILES.map(() => 'unchanged'));
    expect(again.json.files.map((file) => file.hash)).toEqual(
      first.json.files.map((file) => file.hash),
    );
  });

  it('publishes the compiled scenario', async () => {
    const { json } = await publish(rules);
    const scenario = json.files.find((file) => file.kind === 'scenario');
    const db = openDatabase({ url: database.url, poolSize: 1 });
    try {
      const versions = await listVersions(db, 'default');

      expect(versions.map((version) => version.hash)).toEqual([scenario?.definitionHash]);
    } finally {
      await db.close();
    }
  });

  it('records the git commit and uncommitted changes', async () => {
    await git('init', '--quiet');
    await git('add', '.');
    await git('commit', '--quiet', '-m', 'Add rules');
    const commit = await git('rev-parse', 'HEAD');
    const template = join(rules, 'templates/firm-reminder.json');
    const json = JSON.parse(await readFile(template, 'utf8')) as Record<string, unknown>;
    await writeFile(template, `${JSON.stringify({ ...json, language: 'fr' }, null, 2)}\n`);
    const { json: report } = await publish(rules);
    const firm = report.files.find((file) => file.id === 'firm-reminder');
    const friendly = report.files.find((file) => file.id === 'friendly-reminder');

    expect(firm).toMatchObject({ sourceCommit: commit, sourceDirty: true });
    expect(friendly).toMatchObject({ sourceCommit: commit, sourceDirty: false });
  });

  it('publishes nothing when a file is invalid', async () => {
    const template = join(rules, 'templates/firm-reminder.json');
    await writeFile(template, '{}\n');
    const result = await runDunflow(['publish', rules, '--database-url', database.url]);
    const pulled = await runDunflowJson<PullOutput>([
      'pull',
      '--out',
      join(temp.path, 'pulled'),
      '--database-url',
      database.url,
    ]);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('nothing was published; fix the problems above');
    expect(pulled.json.files).toEqual([]);
  });

  it('requires a database', async () => {
    const result = await runDunflow(['publish', rules]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('set DATABASE_URL or pass --database-url');
  });
});

describe('pull', () => {
  it('rejects an --out that is a file', async () => {
    const file = join(rules, 'scenarios', 'default.json');
    const result = await runDunflow(['pull', '--out', file, '--database-url', 'postgres://x']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--out ${file} is a file, not a folder; give a folder`);
  });

  it('writes back the published bytes', async () => {
    await publish(rules);
    const out = join(temp.path, 'pulled');
    const { json } = await runDunflowJson<PullOutput>([
      'pull',
      '--out',
      out,
      '--database-url',
      database.url,
    ]);

    expect(json.files.map((file) => file.status)).toEqual(RULE_FILES.map(() => 'written'));
    for (const file of RULE_FILES) {
      expect(await readFile(join(out, file), 'utf8')).toBe(
        await readFile(join(rules, file), 'utf8'),
      );
    }
    const validated = await runDunflow(['validate', out]);
    expect(validated.code).toBe(0);
  });

  it('changes nothing in the folder it was published from', async () => {
    await publish(rules);
    const { json } = await runDunflowJson<PullOutput>([
      'pull',
      '--out',
      rules,
      '--database-url',
      database.url,
    ]);

    expect(json.files.map((file) => file.status)).toEqual(RULE_FILES.map(() => 'unchanged'));
  });

  it('writes the latest version of each rule', async () => {
    const template = join(rules, 'templates/firm-reminder.json');
    const original = await readFile(template, 'utf8');
    const json = JSON.parse(original) as Record<string, unknown>;
    const changed = `${JSON.stringify({ ...json, language: 'fr' }, null, 2)}\n`;
    await publish(rules);
    await writeFile(template, changed);
    await publish(template);
    await writeFile(template, original);
    const reverted = await publish(template);
    const out = join(temp.path, 'pulled');
    await runDunflowJson(['pull', '--out', out], { DATABASE_URL: database.url });

    expect(reverted.json.files[0]?.status).toBe('republished');
    expect(await readFile(join(out, 'templates/firm-reminder.json'), 'utf8')).toBe(original);
  });
});
