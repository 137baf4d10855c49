import { z } from 'zod';
import { getRuleVersion } from '@dunflow/db';
import { SegmentationRuleSet } from '@dunflow/model';
import type { ApiDependencies } from './api-dependencies';
import { ApiError, notFound } from './api-error';

/**
 * A segmentation rule set named in a request: by id (the current file of the rules folder),
 * by the content hash of a published version, or written out in full (a draft).
 */
export const RuleSetRef = z.union([
  z.strictObject({ id: z.string().min(1).max(200) }),
  z.strictObject({ hash: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hex') }),
  z.strictObject({ ruleSet: SegmentationRuleSet }),
]);
export type RuleSetRef = z.output<typeof RuleSetRef>;

/** Returns the rule set `ref` names, or raises a 404 with the way to find one. */
export async function resolveRuleSet(
  deps: Pick<ApiDependencies, 'db' | 'catalog'>,
  ref: RuleSetRef,
): Promise<SegmentationRuleSet> {
  if ('ruleSet' in ref) return ref.ruleSet;
  if ('id' in ref) return ruleSetById(deps, ref.id);
  const version = await getRuleVersion(deps.db, 'segmentation', ref.hash);
  if (version === undefined) {
    throw notFound('ruleVersion', ref.hash, 'publish the rule set first with dunflow publish');
  }
  return parseStored(version.source, ref.hash);
}

/** Returns the rule set of the rules folder with this id, or raises a 404 naming the known ones. */
export function ruleSetById(
  deps: Pick<ApiDependencies, 'catalog'>,
  id: string,
): SegmentationRuleSet {
  const found = deps.catalog.ruleSets.find((ruleSet) => ruleSet.id === id);
  if (found !== undefined) return found;
  const known = deps.catalog.ruleSets.map((ruleSet) => ruleSet.id).join(', ') || 'none';
  throw notFound('segmentation', id, `use one of the rule sets of the rules folder: ${known}`);
}

function parseStored(source: string, hash: string): SegmentationRuleSet {
  const json = JSON.parse(source) as Record<string, unknown>;
  delete json['$schema'];
  const parsed = SegmentationRuleSet.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new ApiError(500, 'storedRuleSetInvalid', `published version ${hash} no longer parses`, {
    fix: 'publish the rule set again with dunflow publish',
  });
}
