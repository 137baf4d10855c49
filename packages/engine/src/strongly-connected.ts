/**
 * Returns the strongly connected components of a directed graph given as successor lists,
 * by Tarjan's algorithm. The recursion goes as deep as the longest simple path.
 */
export function stronglyConnected(successors: ReadonlyMap<string, readonly string[]>): string[][] {
  const order = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  const visit = (node: string): void => {
    order.set(node, order.size);
    lowLink.set(node, order.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of successors.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        lowLink.set(node, Math.min(lowLink.get(node) ?? 0, lowLink.get(next) ?? 0));
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node) ?? 0, order.get(next) ?? 0));
      }
    }
    if (lowLink.get(node) !== order.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    components.push(component);
  };

  for (const node of successors.keys()) if (!order.has(node)) visit(node);
  return components;
}
