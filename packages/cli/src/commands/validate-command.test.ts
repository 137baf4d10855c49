import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ValidationReport } from '../rules/validate-rules';
import { createTempDir, REPO_ROOT, runDunflow, type TempDir } from './run-dunflow';

let temp: TempDir;
let rules: string;

beforeEach(async () => {
  temp = await createTempDir();
  rules = join(temp.path, 'rules');
  await cp(join(REPO_ROOT, 'rules'), rules, { recursive: true });
});

afterEach(async () => {
  await temp.remove();
});

async function editJson(
  file: string,
  edit: (json: Record<string, unknown>) => void,
  indent: number = 2,
) {
  const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  edit(json);
  await writeFile(file, `${JSON.stringify(json, null, indent)}\n`);
}

async function validateJson(args: string[]): Promise<{ code: number; report: ValidationReport }> {
  const run = await runDunflow(['validate', ...args, '--json']);
  return { code: run.code, report: JSON.parse(run.stdout) as ValidationReport };
}

describe('validate', () => {
  it('accepts the rules folder of the repository', async () => {
    const run = await runDunflow(['validate']);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('6 files valid\n');
  });

  it('reports every problem of every file in one run', async () => {
    const template = join(rules, 'templates/friendly-reminder.json');
    const scenario = join(rules, 'scenarios/default.json');
    await editJson(
      template,
      (json) => {
        json['channel'] = 'fax';
      },
      0,
    );
    await editJson(scenario, (json) => {
      const nodes = json['nodes'] as Record<string, unknown>[];
      const grace = nodes[1] ?? {};
      grace['data'] = { anchor: 'dueDate', delay: '1 month', calendar: 'business' };
      grace['lable'] = 'typo';
    });
    const { code, report } = await validateJson([rules]);
    const problems = report.files.flatMap((file) => file.problems);
    const codes = problems.map(
      (problem) => `${problem.file.slice(rules.length + 1)} ${problem.code}`,
    );

    expect(code).toBe(1);
    expect(report.valid).toBe(false);
    expect(codes).toContain('templates/friendly-reminder.json schema.invalid_value');
    expect(codes).toContain('scenarios/default.json schema.unknownField');
    expect(codes.filter((text) => text.startsWith('scenarios/default.json'))).toContain(
      'scenarios/default.json template.unknown',
    );
    expect(codes).toContain('templates/friendly-reminder.json file.notCanonical');
    for (const problem of problems) {
      expect(problem.fix).not.toBe('');
      expect(problem.message).toContain(problem.fix);
    }
  });

  it('prints file, path, message and fix', async () => {
    const template = join(rules, 'templates/friendly-reminder.json');
    await editJson(template, (json) => {
      json['channel'] = 'fax';
    });
    const run = await runDunflow(['validate', rules]);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${template}: channel: template channel is invalid`);
    expect(run.stdout).toContain('  fix: correct channel to match the template schema');
    expect(run.stdout).toMatch(/\d+ problems? in \d+ files? of 6 files\n$/);
  });

  it('suggests the name of a misspelt field', async () => {
    const scenario = join(rules, 'scenarios/default.json');
    await editJson(scenario, (json) => {
      const nodes = json['nodes'] as Record<string, unknown>[];
      const first = nodes[0] ?? {};
      first['lable'] = first['label'];
      delete first['label'];
    });
    const { report } = await validateJson([scenario]);
    const problem = report.files[0]?.problems.find((item) => item.code === 'schema.unknownField');

    expect(problem?.path).toBe('nodes[0].lable');
    expect(problem?.fix).toBe("rename it to 'label', or remove it");
  });

  it('rewrites non-canonical files with --fix', async () => {
    const file = join(rules, 'segmentations/customer-risk.json');
    const canonical = await readFile(file, 'utf8');
    await writeFile(file, JSON.stringify(JSON.parse(canonical)));
    const before = await validateJson([rules]);
    const fixed = await runDunflow(['validate', rules, '--fix']);

    expect(before.code).toBe(1);
    expect(before.report.files.find((item) => item.file === file)?.canonical).toBe(false);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('1 file rewritten in canonical form');
    expect(await readFile(file, 'utf8')).toBe(canonical);
  });

  it('reports ids used twice', async () => {
    const copy = join(rules, 'templates/reminder-copy.json');
    await cp(join(rules, 'templates/friendly-reminder.json'), copy);
    const { code, report } = await validateJson([rules]);
    const problem = report.files.find((item) => item.file === copy)?.problems[0];

    expect(code).toBe(1);
    expect(problem?.code).toBe('file.duplicateId');
    expect(problem?.message).toContain("template id 'friendly-reminder' is also the id of");
  });

  it('reports an outdated JSON Schema', async () => {
    await writeFile(join(rules, 'schemas/scenario.schema.json'), '{}\n');
    const { code, report } = await validateJson([rules]);
    const codes = report.files.flatMap((file) => file.problems.map((problem) => problem.code));

    expect(code).toBe(1);
    expect(codes).toEqual(['schema.outdated']);
  });

  it('reports invalid JSON and a newer format version', async () => {
    await writeFile(join(rules, 'templates/friendly-reminder.json'), '{ "id": ');
    await editJson(join(rules, 'segmentations/customer-risk.json'), (json) => {
      json['formatVersion'] = 9;
    });
    const { report } = await validateJson([rules]);
    const codes = report.files.flatMap((file) => file.problems.map((problem) => problem.code));

    expect(codes).toContain('file.invalidJson');
    expect(codes).toContain('file.formatVersion');
  });

  it('names a missing path', async () => {
    const run = await runDunflow(['validate', join(temp.path, 'missing')]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('does not exist; pass a rules folder or a JSON file');
  });

  it('lists its checks and exit codes in help', async () => {
    const run = await runDunflow(['validate', '--help']);

    expect(run.code).toBe(0);
    for (const text of ['--fix', '--json', '--rules', 'canonical form', 'Exit codes']) {
      expect(run.stdout).toContain(text);
    }
  });
});
