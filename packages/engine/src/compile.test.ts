import { CompiledDefinition, INVOICE_FACTS } from '@dunflow/model';
import type { FactDefinition, ScenarioInput } from '@dunflow/model';
import { describe, expect, test } from 'vitest';
import { compile } from './compile';
import { contentHash } from './content-hash';
import { defaultCatalog, defaultScenario, edge } from './test-scenario';

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function compiled(scenario: unknown = defaultScenario()): CompiledDefinition {
  const result = compile(scenario, defaultCatalog());
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.definition;
}

function variant(change: (scenario: ScenarioInput) => void): ScenarioInput {
  const scenario = clone(defaultScenario());
  change(scenario);
  return scenario;
}

function dataOf(scenario: ScenarioInput, nodeId: string): Record<string, unknown> {
  const found = scenario.nodes.find((node) => node.id === nodeId);
  if (!found) throw new Error(`test scenario has no node '${nodeId}'`);
  return found.data;
}

describe('compile of the default scenario', () => {
  test('matches the CompiledDefinition schema', () => {
    const definition = compiled();
    expect(CompiledDefinition.parse(definition)).toEqual(definition);
  });

  test('hash covers every other field', () => {
    const { hash, ...body } = compiled();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(contentHash(body));
  });

  test('resolves every exit', () => {
    const { nodes, triggerNodeId } = compiled();
    expect(triggerNodeId).toBe('start');
    expect(nodes['start']).toEqual({
      type: 'trigger',
      id: 'start',
      trigger: { entry: 'overdue', days: 0 },
      next: 'grace',
    });
    expect(nodes['grace']).toEqual({
      type: 'wait',
      id: 'grace',
      anchor: 'dueDate',
      calendar: 'calendar',
      delay: { sign: 1, days: 3, seconds: 0 },
      next: 'route',
    });
    expect(nodes['route']).toEqual({
      type: 'switch',
      id: 'route',
      ruleSet: 'risk',
      branches: { large: 'firm', 'disputed-history': 'review', standard: 'link' },
    });
    expect(nodes['await']).toEqual({
      type: 'waitForEvent',
      id: 'await',
      events: { payment: 'done', promiseToPay: 'done', dispute: 'handle-dispute' },
      timeout: { sign: 1, days: 7, seconds: 0 },
      onTimeout: 'call',
    });
    expect(nodes['call']).toEqual({
      type: 'createTask',
      id: 'call',
      title: 'Call the customer',
      dueInDays: 1,
      next: 'escalated',
    });
    expect(nodes['review']).toMatchObject({ dueInDays: 2, next: 'await' });
    expect(nodes['friendly']).toEqual({
      type: 'sendEmail',
      id: 'friendly',
      template: 'reminder-friendly',
      next: 'await',
    });
    expect(nodes['done']).toEqual({ type: 'end', id: 'done', outcome: 'completed' });
    expect(Object.keys(nodes)).toHaveLength(12);
  });

  test('keeps only the templates and rule sets used', () => {
    const definition = compiled();
    expect(Object.keys(definition.templates).sort()).toEqual([
      'reminder-firm',
      'reminder-friendly',
    ]);
    expect(Object.keys(definition.ruleSets)).toEqual(['risk']);
    expect(definition.ruleSets['risk']?.defaultSegment).toBe('standard');
  });

  test('carries the fact catalogue and settings', () => {
    const definition = compiled();
    expect(definition.facts).toEqual(INVOICE_FACTS);
    expect(definition.settings).toEqual({ businessDays: [1, 2, 3, 4, 5], holidays: {} });
    expect(definition.scenarioId).toBe('default');
    expect(definition.name).toBe('Default dunning');
  });

  test('uses the given fact catalogue', () => {
    const facts: FactDefinition[] = [{ name: 'score', type: 'number', description: 'Risk score' }];
    const scenario = variant((item) => (dataOf(item, 'route')['ruleSet'] = 'scored'));
    const result = compile(scenario, {
      ...defaultCatalog(),
      ruleSets: [
        {
          formatVersion: 1,
          kind: 'segmentation',
          id: 'scored',
          name: 'Scored',
          segments: [
            {
              id: 'large',
              name: 'High score',
              conditions: { all: [{ fact: 'score', operator: 'greaterThan', value: 80 }] },
            },
            { id: 'disputed-history', name: 'Never', conditions: { all: [] } },
          ],
          defaultSegment: 'standard',
        },
      ],
      facts,
    });
    expect(result.ok ? result.definition.facts : result.errors).toEqual(facts);
  });

  test('is deeply frozen', () => {
    const definition = compiled();
    expect(Object.isFrozen(definition)).toBe(true);
    expect(Object.isFrozen(definition.nodes['grace'])).toBe(true);
    expect(() => {
      (definition.nodes as Record<string, unknown>)['extra'] = {};
    }).toThrow(TypeError);
  });

  test('shares no object with the catalogue', () => {
    const catalog = defaultCatalog();
    const result = compile(defaultScenario(), catalog);
    expect(result.ok).toBe(true);
    expect(Object.isFrozen(catalog.templates[0])).toBe(false);
    expect(Object.isFrozen(catalog.ruleSets[0])).toBe(false);
  });
});

describe('compile hash', () => {
  test('same input gives the same hash', () => {
    expect(compiled().hash).toBe(compiled().hash);
  });

  test('positions and labels do not change it', () => {
    const moved = variant((scenario) => {
      for (const node of scenario.nodes) {
        node.position = { x: -5, y: 42 };
        node.label = `Renamed ${node.id}`;
      }
      delete scenario.nodes[0]?.position;
    });
    expect(compiled(moved).hash).toBe(compiled().hash);
  });

  test('node and edge order do not change it', () => {
    const shuffled = variant((scenario) => {
      scenario.nodes.reverse();
      scenario.edges.reverse();
    });
    expect(compiled(shuffled).hash).toBe(compiled().hash);
  });

  test('edge ids do not change it', () => {
    const renamed = variant((scenario) => {
      scenario.edges.forEach((item, index) => (item.id = `edge-${index}`));
    });
    expect(compiled(renamed).hash).toBe(compiled().hash);
  });

  const changes: [string, (scenario: ScenarioInput) => void][] = [
    ['trigger days', (scenario) => (dataOf(scenario, 'start')['days'] = 5)],
    ['trigger entry', (scenario) => (dataOf(scenario, 'start')['entry'] = 'onImport')],
    ['wait delay', (scenario) => (dataOf(scenario, 'grace')['delay'] = 'P4D')],
    ['wait anchor', (scenario) => (dataOf(scenario, 'grace')['anchor'] = 'previous')],
    ['wait calendar', (scenario) => (dataOf(scenario, 'grace')['calendar'] = 'business')],
    ['e-mail template', (scenario) => (dataOf(scenario, 'friendly')['template'] = 'final-notice')],
    ['task title', (scenario) => (dataOf(scenario, 'call')['title'] = 'Phone the customer')],
    ['task due days', (scenario) => (dataOf(scenario, 'call')['dueInDays'] = 3)],
    ['timeout', (scenario) => (dataOf(scenario, 'await')['timeout'] = 'P8D')],
    ['end outcome', (scenario) => (dataOf(scenario, 'done')['outcome'] = 'writtenOff')],
    [
      'edge target',
      (scenario) => {
        const promise = scenario.edges.find((item) => item.sourceHandle === 'promiseToPay');
        if (promise) promise.target = 'escalated';
      },
    ],
    ['scenario name', (scenario) => (scenario.name = 'Renamed')],
    ['settings', (scenario) => (scenario.settings = { businessDays: [1, 2, 3, 4], holidays: {} })],
  ];

  test.each(changes)('changes with the %s', (_, change) => {
    expect(compiled(variant(change)).hash).not.toBe(compiled().hash);
  });
});

describe('compile of switch branches', () => {
  test('segments without an edge follow the default', () => {
    const scenario = variant((item) => {
      item.edges = item.edges.filter((one) => one.source !== 'review' && one.target !== 'review');
      item.nodes = item.nodes.filter((node) => node.id !== 'review');
    });
    const route = compiled(scenario).nodes['route'];
    expect(route?.type).toBe('switch');
    expect(route?.type === 'switch' ? route.branches : undefined).toEqual({
      large: 'firm',
      'disputed-history': 'link',
      standard: 'link',
    });
  });

  test('condition node keeps its rule', () => {
    const rule = { all: [{ fact: 'daysPastDue', operator: 'greaterThan' as const, value: 30 }] };
    const scenario = variant((item) => {
      item.nodes.push({ id: 'check', type: 'condition', data: { rule } });
      const large = item.edges.find((one) => one.sourceHandle === 'large');
      if (large) large.target = 'check';
      item.edges.push(edge('check', 'firm', 'true'), edge('check', 'link', 'false'));
    });
    expect(compiled(scenario).nodes['check']).toEqual({
      type: 'condition',
      id: 'check',
      rule,
      onTrue: 'firm',
      onFalse: 'link',
    });
  });
});
