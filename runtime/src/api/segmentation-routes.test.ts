import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../testing/provided-context';
import { publishRuleVersion } from '@dunflow/db';
import type { SegmentationRuleSet } from '@dunflow/model';
import {
  bookCsv,
  call,
  importCsv,
  QUICK_CATALOG,
  startApiTest,
  type ApiTestContext,
} from './api-test-support';

/** Invoices at or above `threshold` open are `large`, the others `small`. */
function sizeRules(threshold: number): SegmentationRuleSet {
  return {
    formatVersion: 1,
    kind: 'segmentation',
    id: 'size',
    name: 'Invoice size',
    segments: [
      {
        id: 'large',
        name: 'Large invoices',
        conditions: {
          all: [{ fact: 'openAmount', operator: 'greaterThanInclusive', value: threshold }],
        },
      },
    ],
    defaultSegment: 'small',
  };
}

const BOOK = bookCsv([
  { id: '0001', customerId: 'C1', issuedDaysAgo: 60, dueDaysAgo: 30, amount: '123.45' },
  {
    id: '0002',
    customerId: 'C1',
    issuedDaysAgo: 50,
    dueDaysAgo: 20,
    amount: '50.00',
    settledDaysAgo: 10,
  },
  { id: '0003', customerId: 'C2', issuedDaysAgo: 40, dueDaysAgo: 10, amount: '70.00' },
]);

interface PreviewReply {
  segments: { segmentId: string; count: number; openAmountMinor: Record<string, number> }[];
  error?: { code: string; message: string };
}

describe('segmentation routes', () => {
  let api: ApiTestContext;

  beforeAll(async () => {
    api = await startApiTest(inject('temporalAddress'), {
      catalog: { ...QUICK_CATALOG, ruleSets: [sizeRules(100)] },
    });
    expect((await importCsv(api.app, BOOK)).status).toBe(200);
  });

  afterAll(async () => {
    await api.stop();
  });

  it('previews a rule set of the rules folder', async () => {
    const { status, body } = await call<PreviewReply>(api.app, 'POST', '/segmentations/preview', {
      ruleSet: { id: 'size' },
    });
    expect(status).toBe(200);
    expect(body.segments).toEqual([
      { segmentId: 'large', count: 1, openAmountMinor: { EUR: 12_345 } },
      { segmentId: 'small', count: 1, openAmountMinor: { EUR: 7_000 } },
    ]);
  });

  it('previews a draft', async () => {
    const { body } = await call<PreviewReply>(api.app, 'POST', '/segmentations/preview', {
      ruleSet: { ruleSet: sizeRules(60) },
    });
    expect(body.segments.map((segment) => segment.count)).toEqual([2, 0]);
  });

  it('lists the invoices a draft moves', async () => {
    const { status, body } = await call(api.app, 'POST', '/segmentations/diff', {
      before: { id: 'size' },
      after: { ruleSet: sizeRules(60) },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      moves: [{ from: 'small', to: 'large', count: 1, invoiceIds: ['0003'] }],
      unchanged: 1,
      total: 2,
    });
  });

  it('diffs against a published version', async () => {
    const source = JSON.stringify({ $schema: '../schemas/x.json', ...sizeRules(60) });
    const hash = 'a'.repeat(64);
    await publishRuleVersion(api.stack.db, {
      kind: 'segmentation',
      ruleId: 'size',
      hash,
      formatVersion: 1,
      source,
      sourcePath: 'segmentations/size.json',
      sourceCommit: null,
      sourceDirty: null,
      definitionHash: null,
    });
    const { body } = await call(api.app, 'POST', '/segmentations/diff', {
      before: { hash },
      after: { id: 'size' },
    });
    expect(body).toMatchObject({ moves: [{ from: 'large', to: 'small', count: 1 }] });

    const missing = await call(api.app, 'POST', '/segmentations/diff', {
      before: { hash: 'b'.repeat(64) },
      after: { id: 'size' },
    });
    expect(missing.status).toBe(404);
  });

  it('explains the segment of one invoice', async () => {
    const { status, body } = await call<{
      segment: string;
      isDefault: boolean;
      nearestMiss?: { firstFailure?: { fact: string; actual: unknown; value: unknown } };
    }>(api.app, 'GET', '/invoices/0003/segments/size');
    expect(status).toBe(200);
    expect(body.segment).toBe('small');
    expect(body.isDefault).toBe(true);
    expect(body.nearestMiss?.firstFailure).toMatchObject({
      fact: 'openAmount',
      actual: 70,
      value: 100,
    });
  });

  it('rejects a draft with a mistyped value', async () => {
    const draft = sizeRules(100);
    const leaf = { fact: 'openAmount', operator: 'greaterThanInclusive', value: '100' };
    const segment = { id: 'large', name: 'Large', conditions: { all: [leaf] } };
    const { status, body } = await call<PreviewReply>(api.app, 'POST', '/segmentations/preview', {
      ruleSet: { ruleSet: { ...draft, segments: [segment] } },
    });
    expect(status).toBe(422);
    expect(body.error?.code).toBe('ruleSetInvalid');
  });

  it('names the known rule sets for an unknown id', async () => {
    const { status, body } = await call<PreviewReply>(
      api.app,
      'GET',
      '/invoices/0003/segments/risk',
    );
    expect(status).toBe(404);
    expect(body.error?.message).toContain('use one of the rule sets of the rules folder: size');
  });
});
