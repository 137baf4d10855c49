import type { RunPosition } from './run-state';

/**
 * Returns the node a run is at: the one whose timer, evaluation or action it waits for, or the
 * end node that finished it.
 */
export function currentNodeId(position: RunPosition): string | undefined {
  switch (position.kind) {
    case 'timer':
    case 'evaluation':
    case 'action':
      return position.nodeId;
    case 'halted':
      return position.next.nodeId;
    case 'finished':
      return position.nodeId;
  }
}
