import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiffOutput } from './diff-output';
import { createTempDir, REPO_ROOT, runDunflow, runDunflowJson, type TempDir } from './run-dunflow';

const run = promisify(execFile);
const SCENARIO = join(REPO_ROOT, 'rules/scenarios/default.json');

let temp: TempDir;

beforeEach(async () => {
  temp = await createTempDir();
});

afterEach(async () => {
  await temp.remove();
});

type Json = Record<string, unknown>;

async function scenarioWith(edit: (json: Json) => void): Promise<string> {
  const json = JSON.parse(await readFile(SCENARIO, 'utf8')) as Json;
  edit(json);
  return temp.write(`changed-${String(Date.now())}.json`, JSON.stringify(json, null, 2));
}

function nodes(json: Json): Json[] {
  return json['nodes'] as Json[];
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
  };
  return (await run('git', args, { cwd, env })).stdout.trim();
}

describe('diff of two files', () => {
  it('reports no change for the same scenario', async () => {
    const copy = await scenarioWith(() => undefined);
    const { json } = await runDunflowJson<DiffOutput>(['diff', SCENARIO, copy]);

    expect(json.diff).toEqual({
      kind: 'scenario',
      id: 'default',
      status: 'unchanged',
      changes: [],
    });
  });

  it('lists changed, added and removed nodes and edges', async () => {
    const changed = await scenarioWith((json) => {
      const list = nodes(json);
      const grace = list.find((node) => node['id'] === 'grace') ?? {};
      grace['data'] = { anchor: 'dueDate', delay: 'P5D', calendar: 'business' };
      json['nodes'] = list.filter((node) => node['id'] !== 'review');
      json['edges'] = (json['edges'] as Json[]).filter((edge) => edge['id'] !== 'call->escalated');
      list.push({ id: 'sms', type: 'end', data: {} });
    });
    const { json } = await runDunflowJson<DiffOutput>(['diff', SCENARIO, changed]);
    const summary = json.diff.changes.map(
      (change) => `${change.change} ${change.element} ${change.id}`,
    );

    expect(json.diff.status).toBe('changed');
    expect(summary).toEqual([
      'changed node grace',
      'removed node review',
      'removed edge call->escalated',
    ]);
    expect(json.diff.changes[0]?.fields).toEqual([{ path: 'data.delay', from: 'P3D', to: 'P5D' }]);
  });

  it('prints changes readably', async () => {
    const changed = await scenarioWith((json) => {
      json['name'] = 'Renamed flow';
      const settings = json['settings'] as Json;
      settings['businessDays'] = [1, 2, 3, 4];
      nodes(json).push({ id: 'extra', type: 'end', data: { outcome: 'completed' } });
    });
    const result = await runDunflow(['diff', SCENARIO, changed]);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("scenario 'default': 3 changes");
    expect(result.stdout).toContain(
      `  changed scenario 'default'\n      name: "Default reminder flow" -> "Renamed flow"`,
    );
    expect(result.stdout).toContain('      businessDays: [1,2,3,4,5] -> [1,2,3,4]');
    expect(result.stdout).toContain('  added node \'extra\'\n      id: "extra"');
  });

  it('reports moved segments', async () => {
    const file = join(REPO_ROOT, 'rules/segmentations/customer-risk.json');
    const json = JSON.parse(await readFile(file, 'utf8')) as Json;
    json['segments'] = [...(json['segments'] as unknown[])].reverse();
    const reordered = await temp.write('customer-risk.json', JSON.stringify(json));
    const output = await runDunflowJson<DiffOutput>(['diff', file, reordered]);
    const moved = output.json.diff.changes.filter((change) => change.change === 'moved');

    expect(moved.map((change) => change.id)).toEqual(['repeat-late', 'disputed']);
  });

  it('rejects an invalid file with its problems', async () => {
    const broken = await scenarioWith((json) => {
      json['nodes'] = 'none';
    });
    const result = await runDunflow(['diff', SCENARIO, broken]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a valid scenario file:');
    expect(result.stderr).toContain('nodes:');
  });

  it('rejects two kinds of rule file', async () => {
    const template = join(REPO_ROOT, 'rules/templates/friendly-reminder.json');
    const result = await runDunflow(['diff', SCENARIO, template]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `'${SCENARIO}' is a scenario and '${template}' is a template; diff two versions of one kind`,
    );
  });

  it('requires a second file or --from', async () => {
    const result = await runDunflow(['diff', SCENARIO]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give two files to compare, or one file and --from REV');
  });
});

describe('diff against git revisions', () => {
  let repo: string;
  let file: string;

  beforeEach(async () => {
    repo = join(temp.path, 'repo');
    await mkdir(join(repo, 'rules'), { recursive: true });
    await cp(join(REPO_ROOT, 'rules'), join(repo, 'rules'), { recursive: true });
    file = join(repo, 'rules/segmentations/customer-risk.json');
    await git(repo, 'init', '--quiet');
    await git(repo, 'add', '.');
    await git(repo, 'commit', '--quiet', '-m', 'Add rules');
    const json = JSON.parse(await readFile(file, 'utf8')) as Json;
    json['defaultSegment'] = 'regular';
    await writeFile(file, JSON.stringify(json, null, 2));
  });

  it('compares a revision with the working tree', async () => {
    const { json } = await runDunflowJson<DiffOutput>(['diff', file, '--from', 'HEAD']);

    expect(json.from).toEqual({ file, revision: 'HEAD', exists: true });
    expect(json.to).toEqual({ file, revision: null, exists: true });
    expect(json.diff.changes).toEqual([
      {
        element: 'segmentation',
        id: 'customer-risk',
        change: 'changed',
        fields: [{ path: 'defaultSegment', from: 'standard', to: 'regular' }],
      },
    ]);
  });

  it('compares two revisions', async () => {
    await git(repo, 'commit', '--quiet', '-am', 'Rename the default segment');
    const { json } = await runDunflowJson<DiffOutput>([
      'diff',
      file,
      '--from',
      'HEAD~1',
      '--to',
      'HEAD',
    ]);

    expect(json.diff.status).toBe('changed');
    expect(json.diff.changes[0]?.fields[0]?.to).toBe('regular');
  });

  it('reports a file added since the revision', async () => {
    const added = join(repo, 'rules/templates/new-reminder.json');
    const template = JSON.parse(
      await readFile(join(repo, 'rules/templates/firm-reminder.json'), 'utf8'),
    ) as Json;
    await writeFile(added, JSON.stringify({ ...template, id: 'new-reminder' }, null, 2));
    const { json } = await runDunflowJson<DiffOutput>(['diff', added, '--from', 'HEAD']);

    expect(json.diff).toEqual({
      kind: 'template',
      id: 'new-reminder',
      status: 'added',
      changes: [],
    });
    expect(json.from.exists).toBe(false);
  });

  it('reports a file removed since the revision', async () => {
    await rm(file);
    const result = await runDunflow(['diff', file, '--from', 'HEAD']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("segmentation 'customer-risk': removed");
  });

  it('names an unknown revision', async () => {
    const result = await runDunflow(['diff', file, '--from', 'no-such-branch']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot read');
    expect(result.stderr).toContain("at 'no-such-branch'");
  });
});
