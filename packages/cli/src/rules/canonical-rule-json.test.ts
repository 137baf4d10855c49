import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../commands/run-dunflow';
import { canonicalRuleJson } from './canonical-rule-json';
import { listRuleFiles } from './list-rule-files';
import { parseRuleFile } from './parse-rule-file';

const RULES = join(REPO_ROOT, 'rules');
const entries = (await listRuleFiles(RULES)) ?? [];

async function scenarioJson(): Promise<Record<string, unknown>> {
  const file = join(RULES, 'scenarios/default.json');
  return parseRuleFile(file, await readFile(file, 'utf8'), 'scenario');
}

/** Returns the lines of `after` that differ from `before` at the same line number. */
function changedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  return after.split('\n').filter((line, index) => line !== old[index]);
}

describe('canonicalRuleJson', () => {
  it('finds the files of rules/', () => {
    expect(entries.map((entry) => entry.kind)).toContain('scenario');
    expect(entries.length).toBeGreaterThanOrEqual(6);
  });

  it.each(entries.map((entry) => [entry.file.slice(RULES.length + 1), entry] as const))(
    'leaves %s byte for byte unchanged',
    async (_name, entry) => {
      const text = await readFile(entry.file, 'utf8');
      const json = parseRuleFile(entry.file, text, entry.kind);

      expect(canonicalRuleJson(entry.kind, json)).toBe(text);
    },
  );

  it('shows a changed delay as one changed line', async () => {
    const json = await scenarioJson();
    const before = canonicalRuleJson('scenario', json);
    const nodes = json['nodes'] as { id: string; data: Record<string, unknown> }[];
    const grace = nodes.find((node) => node.id === 'grace');
    if (grace === undefined) throw new Error('rules/scenarios/default.json has no grace node');
    grace.data['delay'] = 'P5D';
    const after = canonicalRuleJson('scenario', json);

    expect(changedLines(before, after)).toEqual(['        "delay": "P5D",']);
  });

  it('writes keys in schema order whatever the input order', async () => {
    const json = await scenarioJson();
    const reversed = Object.fromEntries(Object.entries(json).reverse());
    const text = canonicalRuleJson('scenario', reversed);

    expect(text).toBe(canonicalRuleJson('scenario', json));
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      '$schema',
      'formatVersion',
      'kind',
      'id',
      'name',
      'description',
      'settings',
      'nodes',
      'edges',
    ]);
  });

  it('sorts edges, events, business days and holidays', async () => {
    const json = await scenarioJson();
    const edges = json['edges'] as unknown[];
    const nodes = json['nodes'] as { type: string; data: Record<string, unknown> }[];
    const awaiting = nodes.filter((node) => node.type === 'waitForEvent');
    const shuffled = {
      ...json,
      settings: { businessDays: [5, 1, 3, 2, 4], holidays: { FR: ['2026-12-25', '2026-05-01'] } },
      edges: [...edges].reverse(),
    };
    for (const node of awaiting) node.data['events'] = ['dispute', 'payment'];
    const parsed = JSON.parse(canonicalRuleJson('scenario', shuffled)) as {
      settings: { businessDays: number[]; holidays: Record<string, string[]> };
      edges: unknown[];
      nodes: { type: string; data: { events?: string[] } }[];
    };

    expect(parsed.edges).toEqual(edges);
    expect(parsed.settings.businessDays).toEqual([1, 2, 3, 4, 5]);
    expect(parsed.settings.holidays['FR']).toEqual(['2026-05-01', '2026-12-25']);
    const events = parsed.nodes.filter((node) => node.type === 'waitForEvent');
    expect(events.map((node) => node.data.events)).toEqual([
      ['payment', 'dispute'],
      ['payment', 'dispute'],
    ]);
  });

  it('keeps the order of nodes and segments', async () => {
    const file = join(RULES, 'segmentations/customer-risk.json');
    const json = parseRuleFile(file, await readFile(file, 'utf8'), 'segmentation');
    const segments = [...(json['segments'] as unknown[])].reverse();
    const parsed = JSON.parse(canonicalRuleJson('segmentation', { ...json, segments })) as {
      segments: unknown[];
    };

    expect(parsed.segments).toEqual(segments);
  });
});
