import type { ScenarioInput, SegmentationRuleSet } from '@dunflow/model';
import { describe, expect, test } from 'vitest';
import { compile } from './compile';
import type { CompileCatalog } from './compile';
import { defaultCatalog, defaultScenario, edge, RISK_RULE_SET } from './test-scenario';

type NodeInput = ScenarioInput['nodes'][number];

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Returns the default scenario with one change applied. */
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

function addNode(scenario: ScenarioInput, id: string, type: string, data: object): void {
  scenario.nodes.push({ id, type, data } as NodeInput);
}

function retarget(scenario: ScenarioInput, edgeId: string, target: string): void {
  const found = scenario.edges.find((item) => item.id === edgeId);
  if (!found) throw new Error(`test scenario has no edge '${edgeId}'`);
  found.target = target;
}

function removeEdge(scenario: ScenarioInput, edgeId: string): void {
  scenario.edges = scenario.edges.filter((item) => item.id !== edgeId);
}

/** Returns the default scenario with a condition node `check` on the `large` branch. */
function withCondition(rule: unknown, falseTarget: string | null = 'link'): ScenarioInput {
  return variant((scenario) => {
    addNode(scenario, 'check', 'condition', { rule });
    retarget(scenario, 'e-route-firm-large', 'check');
    scenario.edges.push(edge('check', 'firm', 'true'));
    if (falseTarget !== null) scenario.edges.push(edge('check', falseTarget, 'false'));
  });
}

function catalogWithRisk(ruleSet: SegmentationRuleSet): CompileCatalog {
  return { ...defaultCatalog(), ruleSets: [ruleSet] };
}

type BadCase = {
  name: string;
  scenario: unknown;
  catalog?: CompileCatalog;
  code: string;
  path: string;
  nodeId?: string;
  edgeId?: string;
  /** Text the message must contain, such as the offending value. */
  mentions: string[];
};

const graphCases: BadCase[] = [
  {
    name: 'missing trigger',
    scenario: variant((scenario) => {
      scenario.nodes = scenario.nodes.filter((node) => node.id !== 'start');
      removeEdge(scenario, 'e-start-grace');
    }),
    code: 'trigger.missing',
    path: 'nodes',
    mentions: ['no trigger'],
  },
  {
    name: 'second trigger',
    scenario: variant((scenario) => {
      addNode(scenario, 'start-2', 'trigger', { entry: 'beforeDue', days: 5 });
      scenario.edges.push(edge('start-2', 'grace'));
    }),
    code: 'trigger.multiple',
    path: 'nodes[12]',
    nodeId: 'start-2',
    mentions: ["trigger node 'start-2'", "'start'"],
  },
  {
    name: 'duplicate node id',
    scenario: variant((scenario) => {
      addNode(scenario, 'done', 'end', {});
    }),
    code: 'node.duplicateId',
    path: 'nodes[12].id',
    nodeId: 'done',
    mentions: ["'done'", 'nodes[10]'],
  },
  {
    name: 'duplicate edge id',
    scenario: variant((scenario) => {
      const last = scenario.edges.at(-1);
      if (last) last.id = 'e-start-grace';
    }),
    code: 'edge.duplicateId',
    path: 'edges[14].id',
    edgeId: 'e-start-grace',
    mentions: ["'e-start-grace'", 'edges[0]'],
  },
  {
    name: 'edge from a missing node',
    scenario: variant((scenario) =>
      scenario.edges.push({ id: 'e-ghost', source: 'ghost', target: 'done' }),
    ),
    code: 'edge.unknownSource',
    path: 'edges[15].source',
    edgeId: 'e-ghost',
    mentions: ["edge 'e-ghost'", "'ghost'"],
  },
  {
    name: 'edge to a missing node',
    scenario: variant((scenario) => {
      retarget(scenario, 'e-call-escalated', 'escalate');
    }),
    code: 'edge.unknownTarget',
    path: 'edges[14].target',
    edgeId: 'e-call-escalated',
    mentions: ["'escalate'", "use 'escalated'"],
  },
  {
    name: 'edge on a handle the node lacks',
    scenario: variant((scenario) => {
      const paid = scenario.edges.find((item) => item.id === 'e-await-done-payment');
      if (paid) paid.sourceHandle = 'paid';
    }),
    code: 'edge.unknownHandle',
    path: 'edges[9].sourceHandle',
    edgeId: 'e-await-done-payment',
    nodeId: 'await',
    mentions: ["'paid'", "waitForEvent node 'await'", "'payment'"],
  },
  {
    name: 'edge with a handle on a single exit',
    scenario: variant((scenario) => {
      const first = scenario.edges[0];
      if (first) first.sourceHandle = 'out';
    }),
    code: 'edge.unknownHandle',
    path: 'edges[0].sourceHandle',
    edgeId: 'e-start-grace',
    nodeId: 'start',
    mentions: ["'out'", 'remove the sourceHandle'],
  },
  {
    name: 'edge leaving an end node',
    scenario: variant((scenario) => scenario.edges.push(edge('done', 'escalated'))),
    code: 'edge.unknownHandle',
    path: 'edges[15].sourceHandle',
    edgeId: 'e-done-escalated',
    nodeId: 'done',
    mentions: ["end node 'done'", 'no exits'],
  },
  {
    name: 'two edges on one exit',
    scenario: variant((scenario) =>
      scenario.edges.push({ id: 'e-extra', source: 'grace', target: 'link' }),
    ),
    code: 'edge.duplicateExit',
    path: 'edges[15]',
    edgeId: 'e-extra',
    nodeId: 'grace',
    mentions: ["wait node 'grace'", "'e-grace-route'"],
  },
  {
    name: 'two edges on one branch',
    scenario: variant((scenario) =>
      scenario.edges.push({ ...edge('route', 'firm', 'standard'), id: 'e-again' }),
    ),
    code: 'edge.duplicateExit',
    path: 'edges[15]',
    edgeId: 'e-again',
    nodeId: 'route',
    mentions: ["branch 'standard'", "'e-route-link-standard'"],
  },
  {
    name: 'edge into the trigger',
    scenario: variant((scenario) => {
      retarget(scenario, 'e-call-escalated', 'start');
    }),
    code: 'edge.intoTrigger',
    path: 'edges[14].target',
    edgeId: 'e-call-escalated',
    nodeId: 'start',
    mentions: ["trigger node 'start'"],
  },
  {
    name: 'action without an exit',
    scenario: variant((scenario) => {
      removeEdge(scenario, 'e-link-friendly');
    }),
    code: 'branch.dangling',
    path: 'nodes[3]',
    nodeId: 'link',
    mentions: ["createPaymentLink node 'link'", 'no outgoing edge'],
  },
  {
    name: 'condition without a false branch',
    scenario: withCondition(
      { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }] },
      null,
    ),
    code: 'branch.dangling',
    path: 'nodes[12]',
    nodeId: 'check',
    mentions: ["condition node 'check'", "branch 'false'"],
  },
  {
    name: 'switch without a default branch',
    scenario: variant((scenario) => {
      removeEdge(scenario, 'e-route-link-standard');
    }),
    code: 'branch.dangling',
    path: 'nodes[2]',
    nodeId: 'route',
    mentions: ["branch 'standard'", 'default segment'],
  },
  {
    name: 'wait for event without a dispute branch',
    scenario: variant((scenario) => {
      removeEdge(scenario, 'e-await-handle-dispute-dispute');
    }),
    code: 'branch.dangling',
    path: 'nodes[7]',
    nodeId: 'await',
    mentions: ["branch 'dispute'"],
  },
  {
    name: 'wait for event without a timeout branch',
    scenario: variant((scenario) => {
      removeEdge(scenario, 'e-await-call-timeout');
    }),
    code: 'branch.dangling',
    path: 'nodes[7]',
    nodeId: 'await',
    mentions: ["branch 'timeout'"],
  },
  {
    name: 'unreachable node',
    scenario: variant((scenario) => {
      addNode(scenario, 'orphan', 'sendEmail', { template: 'final-notice' });
      scenario.edges.push(edge('orphan', 'done'));
    }),
    code: 'node.unreachable',
    path: 'nodes[12]',
    nodeId: 'orphan',
    mentions: ["sendEmail node 'orphan'", 'cannot be reached'],
  },
  {
    name: 'cycle without a wait',
    scenario: variant((scenario) => {
      addNode(scenario, 'again', 'sendEmail', { template: 'final-notice' });
      retarget(scenario, 'e-call-escalated', 'again');
      scenario.edges.push(edge('again', 'call'));
    }),
    code: 'cycle.withoutWait',
    path: 'nodes[8]',
    nodeId: 'call',
    mentions: ["'call' -> 'again' -> 'call'"],
  },
  {
    name: 'node with an edge to itself',
    scenario: variant((scenario) => {
      retarget(scenario, 'e-call-escalated', 'call');
    }),
    code: 'cycle.withoutWait',
    path: 'nodes[8]',
    nodeId: 'call',
    mentions: ["'call' -> 'call'"],
  },
  {
    name: 'cycle whose wait is anchored to the due date',
    scenario: variant((scenario) => {
      addNode(scenario, 'pause', 'wait', { anchor: 'dueDate', delay: 'P30D' });
      retarget(scenario, 'e-call-escalated', 'pause');
      scenario.edges.push(edge('pause', 'call'));
    }),
    code: 'cycle.withoutWait',
    path: 'nodes[8]',
    nodeId: 'call',
    mentions: ["'call' -> 'pause' -> 'call'", 'anchored to the due date'],
  },
];

const delayCases: BadCase[] = [
  {
    name: 'delay in months',
    scenario: variant((scenario) => (dataOf(scenario, 'grace')['delay'] = '1 month')),
    code: 'delay.invalid',
    path: 'nodes[1].data.delay',
    nodeId: 'grace',
    mentions: ["wait node 'grace': delay '1 month' is invalid", "use days, e.g. 'P30D'"],
  },
  {
    name: 'delay in ISO months',
    scenario: variant((scenario) => (dataOf(scenario, 'grace')['delay'] = 'P1M')),
    code: 'delay.invalid',
    path: 'nodes[1].data.delay',
    nodeId: 'grace',
    mentions: ["'P1M'", 'months'],
  },
  {
    name: 'invalid timeout',
    scenario: variant((scenario) => (dataOf(scenario, 'await')['timeout'] = '7 days')),
    code: 'timeout.invalid',
    path: 'nodes[7].data.timeout',
    nodeId: 'await',
    mentions: ["timeout '7 days'", "write 'P7D'"],
  },
  {
    name: 'negative timeout',
    scenario: variant((scenario) => (dataOf(scenario, 'await')['timeout'] = '-P7D')),
    code: 'timeout.negative',
    path: 'nodes[7].data.timeout',
    nodeId: 'await',
    mentions: ["'-P7D'"],
  },
  {
    name: 'negative delay after the previous step',
    scenario: variant((scenario) =>
      Object.assign(dataOf(scenario, 'grace'), { anchor: 'previous', delay: '-P1D' }),
    ),
    code: 'delay.negativeFromPrevious',
    path: 'nodes[1].data.delay',
    nodeId: 'grace',
    mentions: ["'-P1D'", "'previous'"],
  },
  {
    name: 'business days with hours',
    scenario: variant((scenario) =>
      Object.assign(dataOf(scenario, 'grace'), { calendar: 'business', delay: 'P1DT12H' }),
    ),
    code: 'delay.businessNotWholeDays',
    path: 'nodes[1].data.delay',
    nodeId: 'grace',
    mentions: ["'P1DT12H'", 'whole days'],
  },
];

const catalogCases: BadCase[] = [
  {
    name: 'unknown template',
    scenario: variant(
      (scenario) => (dataOf(scenario, 'friendly')['template'] = 'reminder-frendly'),
    ),
    code: 'template.unknown',
    path: 'nodes[4].data.template',
    nodeId: 'friendly',
    mentions: ["'reminder-frendly'", "use 'reminder-friendly'"],
  },
  {
    name: 'unknown rule set on a switch',
    scenario: variant((scenario) => (dataOf(scenario, 'route')['ruleSet'] = 'risky')),
    code: 'ruleSet.unknown',
    path: 'nodes[2].data.ruleSet',
    nodeId: 'route',
    mentions: ["switch node 'route'", "'risky'", "use 'risk'"],
  },
  {
    name: 'unknown rule set in a segment filter',
    scenario: variant(
      (scenario) =>
        (dataOf(scenario, 'start')['segmentFilter'] = { ruleSet: 'scoring', segments: ['large'] }),
    ),
    code: 'ruleSet.unknown',
    path: 'nodes[0].data.segmentFilter.ruleSet',
    nodeId: 'start',
    mentions: ["'scoring'", 'risk', 'unused'],
  },
  {
    name: 'unknown segment in a segment filter',
    scenario: variant(
      (scenario) =>
        (dataOf(scenario, 'start')['segmentFilter'] = {
          ruleSet: 'risk',
          segments: ['large', 'huge'],
        }),
    ),
    code: 'segment.unknown',
    path: 'nodes[0].data.segmentFilter.segments[1]',
    nodeId: 'start',
    mentions: ["'huge'", "rule set 'risk'"],
  },
];

const ruleCases: BadCase[] = [
  {
    name: 'condition on an unknown fact',
    scenario: withCondition({ all: [{ fact: 'openAmont', operator: 'greaterThan', value: 10 }] }),
    code: 'rule.unknownFact',
    path: 'nodes[12].data.rule.all[0].fact',
    nodeId: 'check',
    mentions: ["'openAmont'", "use 'openAmount'"],
  },
  {
    name: 'ordering operator on a string fact',
    scenario: withCondition({ all: [{ fact: 'currency', operator: 'lessThan', value: 'EUR' }] }),
    code: 'rule.operatorMismatch',
    path: 'nodes[12].data.rule.all[0].operator',
    nodeId: 'check',
    mentions: ["'lessThan'", "string fact 'currency'", "'notIn'"],
  },
  {
    name: 'contains on a string fact',
    scenario: withCondition({ any: [{ fact: 'countryCode', operator: 'contains', value: 'FR' }] }),
    code: 'rule.operatorMismatch',
    path: 'nodes[12].data.rule.any[0].operator',
    nodeId: 'check',
    mentions: ["'contains'"],
  },
  {
    name: 'ordering operator on a boolean fact',
    scenario: withCondition({ not: { fact: 'disputed', operator: 'greaterThan', value: true } }),
    code: 'rule.operatorMismatch',
    path: 'nodes[12].data.rule.not.operator',
    nodeId: 'check',
    mentions: ["boolean fact 'disputed'"],
  },
  {
    name: "string '50' for a number fact",
    scenario: withCondition({
      all: [{ fact: 'openAmount', operator: 'greaterThan', value: '50' }],
    }),
    code: 'rule.valueMismatch',
    path: 'nodes[12].data.rule.all[0].value',
    nodeId: 'check',
    mentions: ["'50'", 'write 50 without quotes'],
  },
  {
    name: 'in with a string value',
    scenario: withCondition({ all: [{ fact: 'countryCode', operator: 'in', value: 'FR,BE' }] }),
    code: 'rule.valueMismatch',
    path: 'nodes[12].data.rule.all[0].value',
    nodeId: 'check',
    mentions: ["'FR,BE'", 'substrings', "['FR,BE']"],
  },
  {
    name: 'list item of the wrong type',
    scenario: withCondition({ all: [{ fact: 'daysPastDue', operator: 'in', value: [30, '60'] }] }),
    code: 'rule.valueMismatch',
    path: 'nodes[12].data.rule.all[0].value[1]',
    nodeId: 'check',
    mentions: ["'60'"],
  },
  {
    name: 'date value not as YYYY-MM-DD',
    scenario: withCondition({
      all: [{ fact: 'dueDate', operator: 'lessThan', value: '31/03/2026' }],
    }),
    code: 'rule.valueMismatch',
    path: 'nodes[12].data.rule.all[0].value',
    nodeId: 'check',
    mentions: ["'31/03/2026'", 'YYYY-MM-DD'],
  },
  {
    name: 'impossible date value',
    scenario: withCondition({
      all: [{ fact: 'issueDate', operator: 'equal', value: '2026-02-30' }],
    }),
    code: 'rule.valueMismatch',
    path: 'nodes[12].data.rule.all[0].value',
    nodeId: 'check',
    mentions: ["'2026-02-30'"],
  },
  {
    name: 'null value',
    scenario: withCondition({ all: [{ fact: 'language', operator: 'equal', value: null }] }),
    code: 'rule.valueMismatch',
    path: 'nodes[12].data.rule.all[0].value',
    nodeId: 'check',
    mentions: ['value null', "string fact 'language'"],
  },
  {
    name: 'path on a fact that is not an object',
    scenario: withCondition({
      all: [{ fact: 'amount', operator: 'greaterThan', value: 10, path: '$.net' }],
    }),
    code: 'rule.pathOnScalar',
    path: 'nodes[12].data.rule.all[0].path',
    nodeId: 'check',
    mentions: ["'$.net'", "number fact 'amount'"],
  },
  {
    name: 'empty any',
    scenario: withCondition({ all: [{ any: [] }] }),
    code: 'rule.emptyAny',
    path: 'nodes[12].data.rule.all[0].any',
    nodeId: 'check',
    mentions: ["empty 'any' as true"],
  },
  {
    name: 'rule set segment with a string amount',
    scenario: defaultScenario(),
    catalog: catalogWithRisk({
      ...RISK_RULE_SET,
      segments: [
        {
          id: 'large',
          name: 'Large',
          conditions: { all: [{ fact: 'openAmount', operator: 'greaterThan', value: '1000' }] },
        },
      ],
    }),
    code: 'rule.valueMismatch',
    path: 'nodes[2].data.ruleSet',
    nodeId: 'route',
    mentions: ["switch node 'route'", "rule set 'risk', segment 'large'", "'1000'"],
  },
  {
    name: 'rule set segment on an unknown fact',
    scenario: defaultScenario(),
    catalog: catalogWithRisk({
      ...RISK_RULE_SET,
      segments: [
        {
          id: 'large',
          name: 'Large',
          conditions: { any: [{ fact: 'balance', operator: 'equal', value: 1 }] },
        },
      ],
    }),
    code: 'rule.unknownFact',
    path: 'nodes[2].data.ruleSet',
    nodeId: 'route',
    mentions: ["'balance'", 'openAmount'],
  },
];

const schemaCases: BadCase[] = [
  {
    name: 'delay that is not a string',
    scenario: variant((scenario) => (dataOf(scenario, 'grace')['delay'] = 30)),
    code: 'schema.invalid_type',
    path: 'nodes[1].data.delay',
    nodeId: 'grace',
    mentions: ["wait node 'grace'", 'data.delay 30', 'a string'],
  },
  {
    name: 'unknown node type',
    scenario: variant((scenario) => {
      addNode(scenario, 'sms', 'sendSms', {});
    }),
    code: 'schema.invalid_union',
    path: 'nodes[12].type',
    nodeId: 'sms',
    mentions: ["'sendSms'", "'sendEmail'"],
  },
  {
    name: 'unknown anchor',
    scenario: variant((scenario) => (dataOf(scenario, 'grace')['anchor'] = 'issueDate')),
    code: 'schema.invalid_value',
    path: 'nodes[1].data.anchor',
    nodeId: 'grace',
    mentions: ["'issueDate'", "'dueDate' or 'previous'"],
  },
  {
    name: 'missing template',
    scenario: variant((scenario) => delete dataOf(scenario, 'friendly')['template']),
    code: 'schema.missing',
    path: 'nodes[4].data.template',
    nodeId: 'friendly',
    mentions: ['data.template is missing'],
  },
  {
    name: 'condition with an unknown operator',
    scenario: withCondition({ all: [{ fact: 'amount', operator: 'gt', value: 1 }] }),
    code: 'schema.invalid_value',
    path: 'nodes[12].data.rule.all[0].operator',
    nodeId: 'check',
    mentions: ["'gt'", "'greaterThan'"],
  },
  {
    name: 'edge without a target',
    scenario: variant((scenario) => scenario.edges.push({ id: 'e-half', source: 'done' } as never)),
    code: 'schema.missing',
    path: 'edges[15].target',
    edgeId: 'e-half',
    mentions: ["edge 'e-half'", 'target is missing'],
  },
  {
    name: 'input that is not an object',
    scenario: 'scenario.json',
    code: 'schema.invalid_type',
    path: '',
    mentions: ["input 'scenario.json'", 'an object'],
  },
];

describe.each([
  ['graph', graphCases],
  ['delay', delayCases],
  ['catalogue', catalogCases],
  ['rule', ruleCases],
  ['schema', schemaCases],
])('compile rejects %s errors', (_, cases) => {
  test.each(cases)('$name', (badCase) => {
    const result = compile(badCase.scenario, badCase.catalog ?? defaultCatalog());
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    const error = errors.find((item) => item.code === badCase.code && item.path === badCase.path);

    expect(error, JSON.stringify(errors, null, 2)).toBeDefined();
    expect(error?.nodeId).toBe(badCase.nodeId);
    expect(error?.edgeId).toBe(badCase.edgeId);
    for (const text of badCase.mentions) expect(error?.message).toContain(text);
    expect(error?.message.endsWith(`; ${error.fix}`)).toBe(true);
  });
});

describe('compile error details', () => {
  test('unknown rule set reports only itself', () => {
    const result = compile(
      variant((scenario) => (dataOf(scenario, 'route')['ruleSet'] = 'risky')),
      defaultCatalog(),
    );
    expect(result.ok ? [] : result.errors.map((error) => error.code)).toEqual(['ruleSet.unknown']);
  });

  test('delay message matches the documented form', () => {
    const result = compile(
      variant((scenario) => (dataOf(scenario, 'grace')['delay'] = '1 month')),
      defaultCatalog(),
    );
    const [error] = result.ok ? [] : result.errors;
    expect(error?.message).toBe(
      "wait node 'grace': delay '1 month' is invalid because it uses months, whose length varies; use days, e.g. 'P30D'",
    );
  });

  test('every error of one scenario is reported', () => {
    const result = compile(
      variant((scenario) => {
        dataOf(scenario, 'grace')['delay'] = '30d';
        dataOf(scenario, 'firm')['template'] = 'nope';
        removeEdge(scenario, 'e-await-call-timeout');
      }),
      defaultCatalog(),
    );
    const codes = result.ok ? [] : result.errors.map((error) => error.code).sort();
    expect(codes).toEqual([
      'branch.dangling',
      'delay.invalid',
      'node.unreachable',
      'template.unknown',
    ]);
  });

  test('cycle through a wait after the previous step compiles', () => {
    const result = compile(
      variant((scenario) => {
        addNode(scenario, 'pause', 'wait', { anchor: 'previous', delay: 'P7D' });
        retarget(scenario, 'e-call-escalated', 'pause');
        scenario.edges.push(edge('pause', 'call'));
        scenario.nodes = scenario.nodes.filter((node) => node.id !== 'escalated');
        retarget(scenario, 'e-handle-dispute-escalated', 'done');
      }),
      defaultCatalog(),
    );
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  test('segment filter with the default segment compiles', () => {
    const scenario = variant(
      (item) =>
        (dataOf(item, 'start')['segmentFilter'] = { ruleSet: 'risk', segments: ['standard'] }),
    );
    const result = compile(scenario, defaultCatalog());
    expect(result.ok ? Object.keys(result.definition.ruleSets) : result.errors).toEqual(['risk']);
  });
});
