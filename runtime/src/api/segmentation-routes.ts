import { z } from 'zod';
import { populationDiff, segmentPreview } from '@dunflow/db';
import { explainSegment, InvalidRuleError } from '@dunflow/engine';
import { LocalDate } from '@dunflow/model';
import { loadInvoiceFacts } from '../activities/invoice-facts';
import type { ApiApp, ApiDependencies } from './api-dependencies';
import { ApiError } from './api-error';
import { todayOf } from './clock';
import { DateParam } from './query-params';
import { parseJsonBody, parseQuery } from './request-input';
import { requireInvoice } from './require-invoice';
import { resolveRuleSet, RuleSetRef, ruleSetById } from './rule-set-ref';

const PreviewBody = z.strictObject({ ruleSet: RuleSetRef, asOf: LocalDate.optional() });
const DiffBody = z.strictObject({
  before: RuleSetRef,
  after: RuleSetRef,
  asOf: LocalDate.optional(),
  limit: z.number().int().min(0).max(10_000).optional(),
  offset: z.number().int().min(0).optional(),
});
const ExplainQuery = z.strictObject({ asOf: DateParam.optional() });

/**
 * Adds the segmentation routes: a preview of a rule set over the open book, the population
 * diff between two rule sets, and the explanation of one invoice's segment. Rule sets are
 * named by id, by published hash, or sent as drafts, so a credit manager can try a change
 * before it is published.
 */
export function registerSegmentationRoutes(app: ApiApp, deps: ApiDependencies): void {
  app.post('/segmentations/preview', async (c) => {
    const body = await parseJsonBody(c, PreviewBody);
    const ruleSet = await resolveRuleSet(deps, body.ruleSet);
    const asOf = body.asOf ?? todayOf(deps);
    const segments = await withRuleErrors(() => segmentPreview(deps.db, ruleSet, asOf));
    return c.json({ ruleSetId: ruleSet.id, asOf, segments });
  });

  app.post('/segmentations/diff', async (c) => {
    const body = await parseJsonBody(c, DiffBody);
    const before = await resolveRuleSet(deps, body.before);
    const after = await resolveRuleSet(deps, body.after);
    const asOf = body.asOf ?? todayOf(deps);
    const page = {
      ...(body.limit === undefined ? {} : { limit: body.limit }),
      ...(body.offset === undefined ? {} : { offset: body.offset }),
    };
    const diff = await withRuleErrors(() => populationDiff(deps.db, before, after, asOf, page));
    return c.json({ asOf, ...diff });
  });

  app.get('/invoices/:id/segments/:ruleSetId', async (c) => {
    const { invoice } = await requireInvoice(deps, c.req.param('id'));
    const ruleSet = ruleSetById(deps, c.req.param('ruleSetId'));
    const asOf = parseQuery(c, ExplainQuery).asOf ?? todayOf(deps);
    const { facts } = await loadInvoiceFacts(deps.db, invoice.id, asOf);
    const explanation = await withRuleErrors(() => Promise.resolve(explainSegment(ruleSet, facts)));
    return c.json({ invoiceId: invoice.id, ruleSetId: ruleSet.id, asOf, facts, ...explanation });
  });
}

/** Turns a rule set that fails the type checks into a 422 listing each problem. */
async function withRuleErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof InvalidRuleError)) throw error;
    throw new ApiError(422, 'ruleSetInvalid', error.message, {
      fix: 'fix each condition listed in issues, then try again',
      issues: error.errors.map((issue) => ({ path: issue.path, message: issue.message })),
    });
  }
}
