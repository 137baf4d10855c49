import type { ConditionTrace, LeafTrace } from './explanation';

/**
 * Returns the minimum set of leaves whose outcome would have to change for the traced
 * condition to pass, in document order. An `all` needs every failing child changed, an `any`
 * its closest child, and a `not` the changes that make its child fail. Returns an empty list
 * when the condition passed, and undefined when no change of leaves can make it pass (a `not`
 * over an empty `all`).
 *
 * NOTE: leaves count as independent, so two leaves that cannot pass together (such as
 * `amount < 10` and `amount > 20`) still count as one change each.
 */
export function failingLeaves(trace: ConditionTrace): LeafTrace[] | undefined {
  return leavesToChange(trace, true);
}

/**
 * Returns the first leaf, in evaluation order, whose outcome made the traced condition fail:
 * the first failing child of an `all`, the first child of an `any`, and under `not` the
 * first leaf that made the child pass. Returns undefined when the condition passed, or when
 * no leaf decided it (a `not` over an empty `all`).
 */
export function firstFailingLeaf(trace: ConditionTrace, target = true): LeafTrace | undefined {
  if (trace.passed === target) return undefined;
  if (trace.kind === 'fact') return trace;
  if (trace.kind === 'not') return firstFailingLeaf(trace.condition, !target);

  // A child with the group's outcome decided it. A child that no leaf decided (a `not` over an
  // empty `all`) is skipped, so the leaf comes from the next such child.
  for (const child of trace.conditions) {
    const leaf = child.passed === target ? undefined : firstFailingLeaf(child, target);
    if (leaf !== undefined) return leaf;
  }
  return undefined;
}

/**
 * Orders two sets of failing leaves, closest to matching first: fewer leaves, then fewer leaves
 * without a distance (a missing fact, a string or a boolean), then a smaller sum of distances.
 *
 * NOTE: the sum adds distances as plain numbers, so 5 days and 5 currency units weigh the same.
 */
export function compareFailingLeaves(left: readonly LeafTrace[], right: readonly LeafTrace[]) {
  if (left.length !== right.length) return left.length - right.length;
  const unmeasured = countUnmeasured(left) - countUnmeasured(right);
  if (unmeasured !== 0) return unmeasured;
  return sumDistances(left) - sumDistances(right);
}

function leavesToChange(trace: ConditionTrace, target: boolean): LeafTrace[] | undefined {
  if (trace.passed === target) return [];
  switch (trace.kind) {
    case 'fact':
      return [trace];
    case 'not':
      return leavesToChange(trace.condition, !target);
    case 'all':
      return target ? everyChild(trace.conditions, true) : closestChild(trace.conditions, false);
    case 'any':
      return target ? closestChild(trace.conditions, true) : everyChild(trace.conditions, false);
  }
}

/** Returns the changes that give every child the target outcome. */
function everyChild(children: readonly ConditionTrace[], target: boolean) {
  const leaves: LeafTrace[] = [];
  for (const child of children) {
    const changes = leavesToChange(child, target);
    if (changes === undefined) return undefined;
    leaves.push(...changes);
  }
  return leaves;
}

/** Returns the changes of the one child that needs the fewest; the first of equals wins. */
function closestChild(children: readonly ConditionTrace[], target: boolean) {
  let best: LeafTrace[] | undefined;
  for (const child of children) {
    const changes = leavesToChange(child, target);
    if (changes === undefined) continue;
    if (best === undefined || compareFailingLeaves(changes, best) < 0) best = changes;
  }
  return best;
}

function countUnmeasured(leaves: readonly LeafTrace[]): number {
  return leaves.filter((leaf) => leaf.distance === undefined).length;
}

function sumDistances(leaves: readonly LeafTrace[]): number {
  return leaves.reduce((sum, leaf) => sum + (leaf.distance?.amount ?? 0), 0);
}
