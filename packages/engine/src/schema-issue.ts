import type { Scenario } from '@dunflow/model';

/** An issue zod reports when the input does not match the Scenario schema. */
export type SchemaIssue = NonNullable<
  ReturnType<typeof Scenario.safeParse>['error']
>['issues'][number];

/** Returns the part of `input` at `path`, or undefined where the path leads nowhere. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Replaces a union issue by the issues of the branch the input most likely meant, so a bad
 * condition reports `operator 'gt'` rather than "no branch matched". The likely branch is
 * the one whose issues reach deepest, then the one that complains least about absent keys.
 * Issues of discriminated unions, which name the allowed tags, are kept as they are.
 */
export function flattenUnionIssue(issue: SchemaIssue, input: unknown): SchemaIssue[] {
  if (issue.code !== 'invalid_union' || issue.discriminator !== undefined) return [issue];
  const branches = issue.errors.map((branch) =>
    branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })),
  );
  const best = bestBranch(branches, input);
  if (!best) return [issue];
  return best.flatMap((inner) => flattenUnionIssue(inner, input));
}

function bestBranch(branches: SchemaIssue[][], input: unknown): SchemaIssue[] | undefined {
  let best: { branch: SchemaIssue[]; depth: number; absent: number } | undefined;
  for (const branch of branches) {
    const depth = Math.max(...branch.map((inner) => inner.path.length));
    const absent = branch.filter((inner) => valueAt(input, inner.path) === undefined).length;
    const isBetter =
      best === undefined || depth > best.depth || (depth === best.depth && absent < best.absent);
    if (branch.length > 0 && isBetter) best = { branch, depth, absent };
  }
  return best?.branch;
}
