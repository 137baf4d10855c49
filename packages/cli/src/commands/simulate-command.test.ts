import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { evaluateCondition, segmentOf, simulate, type SimulationReport } from '@dunflow/engine';
import { openBookAsOf, readBookFile } from '@dunflow/importer';
import type { CompiledDefinition } from '@dunflow/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFromFolder, readRulesFolder } from '../rules/rules-folder';
import {
  createTempDir,
  IBM_FIXTURE,
  REPO_ROOT,
  runDunflow,
  runDunflowJson,
  type TempDir,
} from './run-dunflow';
import type { SimulationOutput } from './simulation-output';

const RULES = join(REPO_ROOT, 'rules');
const IBM_AS_OF = ['--invoices', IBM_FIXTURE, '--as-of', '2013-06-30'];

let temp: TempDir;
let definition: CompiledDefinition;
let output: SimulationOutput;

beforeAll(async () => {
  temp = await createTempDir();
  const compiled = compileFromFolder(await readRulesFolder(RULES), 'default');
  if (!compiled.ok) throw new Error(`rules/ does not compile: ${JSON.stringify(compiled.errors)}`);
  definition = compiled.definition;
  output = (await runDunflowJson<SimulationOutput>(['simulate', 'default', ...IBM_AS_OF])).json;
});

afterAll(async () => {
  await temp.remove();
});

/** Runs the same simulation in this process, without the command. */
async function simulateDirectly(): Promise<SimulationReport> {
  const book = openBookAsOf(await readBookFile(IBM_FIXTURE), '2013-06-30');
  const payments = [...book.payments, ...book.futurePayments];
  return simulate(
    definition,
    { invoices: book.invoices, customers: book.customers, payments },
    {
      asOf: '2013-06-30',
      until: '2013-09-28',
      evaluate: {
        condition: (rule, facts) => evaluateCondition(rule, facts),
        segment: (ruleSet, facts) => segmentOf(ruleSet, facts),
      },
    },
  );
}

describe('simulate default on the IBM book', () => {
  it('matches a direct simulate() call', async () => {
    const direct = await simulateDirectly();
    const nodes = Object.fromEntries(
      output.nodes.map(({ id, reached, actions, skipped }) => [id, { reached, actions, skipped }]),
    );

    expect(output.until).toBe('2013-09-28');
    expect(output.scenario.definitionHash).toBe(direct.definitionHash);
    expect(nodes).toEqual(direct.nodes);
    expect(output.totals).toEqual(direct.totals);
    expect(output.invoices).toEqual(direct.invoices);
  });

  it('enters the 84 open invoices', () => {
    expect(output.totals.invoices).toBe(1930);
    expect(output.totals.entered).toBe(84);
    expect(output.nodes.find((node) => node.id === 'start')?.reached).toBe(84);
  });

  it('ends each entered invoice once or keeps it waiting', () => {
    const endIds = new Set(
      output.nodes.filter((node) => node.type === 'end').map((node) => node.id),
    );
    const entered = output.invoices.filter((invoice) => invoice.entered);
    const endsReached = entered.map(
      (invoice) =>
        invoice.timeline.filter(
          (entry) => entry.event === 'node.entered' && endIds.has(entry.nodeId ?? ''),
        ).length,
    );
    const reachedEnds = output.nodes
      .filter((node) => endIds.has(node.id))
      .reduce((sum, node) => sum + node.reached, 0);
    const paid = output.totals.outcomes['paid'] ?? 0;

    expect(entered).toHaveLength(84);
    entered.forEach((invoice, index) => {
      const expectedEnds = invoice.status === 'completed' && invoice.outcome !== 'paid' ? 1 : 0;
      expect({ invoice: invoice.invoiceId, ends: endsReached[index] }).toEqual({
        invoice: invoice.invoiceId,
        ends: expectedEnds,
      });
    });
    expect(reachedEnds + paid + output.totals.stillRunning).toBe(84);
  });

  it('lists nodes in the order of the scenario file', () => {
    expect(output.nodes.map((node) => node.id).slice(0, 4)).toEqual([
      'start',
      'grace',
      'risk',
      'friendly',
    ]);
    expect(output.nodes).toHaveLength(Object.keys(definition.nodes).length);
    expect(output.nodes[0]).toMatchObject({ type: 'trigger', label: 'Invoice is overdue' });
  });

  it('reads a scenario by path too', async () => {
    const file = join(RULES, 'scenarios', 'default.json');
    const { json } = await runDunflowJson<SimulationOutput>(['simulate', file, ...IBM_AS_OF]);

    expect(json.totals).toEqual(output.totals);
    expect(json.scenario.file).toBe(file);
  });
});

describe('simulate text output', () => {
  const invoiceHeading = /^\S+: (completed|running|paused|did not enter)/;

  it('prints the node table, totals and 10 timelines', async () => {
    const run = await runDunflow(['simulate', 'default', ...IBM_AS_OF]);
    const lines = run.stdout.split('\n');

    expect(run.code).toBe(0);
    expect(lines).toContainEqual(
      expect.stringMatching(/^node +type +reached +actions +skipped +label$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^start +trigger +84 +0 +0 +Invoice is overdue$/),
    );
    expect(run.stdout).toContain('Actions: 41 sendEmail, 21 createTask, 4 createPaymentLink');
    expect(run.stdout).toContain('Outcomes: 63 paid, 21 escalated; 0 still running on 2013-09-28');
    expect(lines.filter((line) => invoiceHeading.test(line))).toHaveLength(10);
  });

  it('limits timelines with --timeline', async () => {
    const run = await runDunflow(['simulate', 'default', ...IBM_AS_OF, '--timeline', '3']);

    expect(run.stdout.split('\n').filter((line) => invoiceHeading.test(line))).toHaveLength(3);
  });

  it('shows one invoice with --invoice', async () => {
    const run = await runDunflow(['simulate', 'default', ...IBM_AS_OF, '--invoice', '0049331333']);
    const headings = run.stdout.split('\n').filter((line) => invoiceHeading.test(line));

    expect(headings).toEqual(['0049331333: completed (escalated), open 68.80 EUR at the end']);
    expect(run.stdout).toMatch(/2013-07-03 00:00 +risk +segment\.evaluated +segmentId=disputed/);
  });
});

describe('simulate errors', () => {
  it('prints compile errors with node and fix', async () => {
    const scenario = JSON.parse(
      await readFile(join(RULES, 'scenarios', 'default.json'), 'utf8'),
    ) as { nodes: { id: string; data: Record<string, unknown> }[] };
    for (const node of scenario.nodes) {
      if (node.id === 'grace') node.data['delay'] = '1 month';
      if (node.id === 'friendly') node.data['template'] = 'no-such-template';
    }
    const file = await temp.write('broken.json', JSON.stringify(scenario));
    const run = await runDunflow(['simulate', file, ...IBM_AS_OF]);
    const json = await runDunflow(['simulate', file, ...IBM_AS_OF, '--json']);
    const lines = run.stderr.trim().split('\n');

    expect(run.code).toBe(1);
    expect(lines[0]).toBe(`dunflow: scenario 'default' (${file}) does not compile, 2 errors:`);
    expect(lines[1]).toMatch(
      /^ {2}node 'grace' at nodes\[1\]\.data\.delay: .*'1 month' is invalid.*; fix: use days/,
    );
    expect(lines[2]).toMatch(
      /^ {2}node 'friendly' at .*'no-such-template' is unknown; fix: use a known template/,
    );
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as { errors: unknown[] }).errors).toHaveLength(2);
  });

  it('names an unknown scenario and the known ones', async () => {
    const run = await runDunflow(['simulate', 'no-such-scenario', ...IBM_AS_OF]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^dunflow: scenario 'no-such-scenario' is not in .*\(known: default\)/,
    );
  });

  it('names a missing rules folder', async () => {
    const run = await runDunflow([
      'simulate',
      'default',
      ...IBM_AS_OF,
      '--rules',
      join(temp.path, 'none'),
    ]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `dunflow: rules folder '${join(temp.path, 'none')}' cannot be read`,
    );
  });

  it('rejects --until before --as-of', async () => {
    const run = await runDunflow(['simulate', 'default', ...IBM_AS_OF, '--until', '2013-06-01']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('dunflow: --until 2013-06-01 is before --as-of 2013-06-30');
  });

  it('rejects an unknown --invoice', async () => {
    const run = await runDunflow(['simulate', 'default', ...IBM_AS_OF, '--invoice', 'X-404']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "dunflow: --invoice 'X-404' is not among the 1930 invoices simulated (invoices issued after --as-of are left out)",
    );
  });

  it('requires --invoices', async () => {
    const run = await runDunflow(['simulate', 'default']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("dunflow: required option '--invoices <file>' not specified");
  });

  it('rejects a negative --timeline', async () => {
    const run = await runDunflow(['simulate', 'default', ...IBM_AS_OF, '--timeline', '-1']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Expected a whole number of at least 0');
  });

  it('prints help with every option', async () => {
    const run = await runDunflow(['simulate', '--help']);

    expect(run.code).toBe(0);
    for (const option of [
      '--invoices',
      '--as-of',
      '--until',
      '--rules',
      '--mapping',
      '--timeline',
      '--invoice',
      '--json',
    ]) {
      expect(run.stdout).toContain(option);
    }
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('(default: --as-of + 90 days)');
  });
});
