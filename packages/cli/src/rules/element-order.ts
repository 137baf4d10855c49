import { AwaitedEvent } from '@dunflow/model';
import type { RuleFileJson } from './format-migrations';
import type { RuleFileKind } from './rule-file-kind';
import { isJsonObject } from './schema-walk';

/**
 * Puts the items of a scenario's unordered arrays in canonical order, so that the same
 * scenario saved by two tools gives the same text. An array whose order has a meaning is
 * left as it is: nodes (the reading order of the flow), segments (an invoice falls in the
 * first one it matches) and the `all`/`any` lists of conditions (json-rules-engine evaluates
 * them in order). Sorted are:
 * - `settings.businessDays`, ascending;
 * - each list of `settings.holidays`, by date;
 * - a wait for event's `data.events`, in the order of AwaitedEvent (payment, promiseToPay,
 *   dispute);
 * - a trigger's `data.segmentFilter.segments`, by id;
 * - `edges`, by the position of their source node in `nodes`, then by edge id.
 * Arrays that do not have the expected shape are left as they are, for validation to report.
 */
export function orderElements(kind: RuleFileKind, json: RuleFileJson): RuleFileJson {
  if (kind !== 'scenario') return json;
  const ordered: RuleFileJson = { ...json };
  if (isJsonObject(json['settings'])) ordered['settings'] = orderSettings(json['settings']);
  if (Array.isArray(json['nodes'])) ordered['nodes'] = json['nodes'].map(orderNodeData);
  if (Array.isArray(json['nodes']) && Array.isArray(json['edges'])) {
    ordered['edges'] = orderEdges(json['nodes'], json['edges']);
  }
  return ordered;
}

function orderSettings(settings: Record<string, unknown>): Record<string, unknown> {
  const ordered = { ...settings };
  const { businessDays, holidays } = settings;
  if (isListOf(businessDays, 'number')) ordered['businessDays'] = sortNumbers(businessDays);
  if (isJsonObject(holidays)) {
    const sorted = Object.entries(holidays).map(([country, dates]) => {
      return [country, isListOf(dates, 'string') ? sortStrings(dates) : dates];
    });
    ordered['holidays'] = Object.fromEntries(sorted);
  }
  return ordered;
}

function orderNodeData(node: unknown): unknown {
  if (!isJsonObject(node) || !isJsonObject(node['data'])) return node;
  const data = { ...node['data'] };
  const { events, segmentFilter } = data;
  if (node['type'] === 'waitForEvent' && isListOf(events, 'string')) {
    data['events'] = sortByRank(events, AwaitedEvent.options);
  }
  if (node['type'] === 'trigger' && isJsonObject(segmentFilter)) {
    const segments = segmentFilter['segments'];
    if (isListOf(segments, 'string')) {
      data['segmentFilter'] = { ...segmentFilter, segments: sortStrings(segments) };
    }
  }
  return { ...node, data };
}

function orderEdges(nodes: readonly unknown[], edges: readonly unknown[]): unknown[] {
  const positions = new Map<unknown, number>();
  nodes.forEach((node, index) => {
    if (isJsonObject(node) && !positions.has(node['id'])) positions.set(node['id'], index);
  });
  const keyed = edges.map((edge) => {
    const source = isJsonObject(edge) ? edge['source'] : undefined;
    const id = isJsonObject(edge) ? edge['id'] : undefined;
    return { edge, rank: positions.get(source) ?? nodes.length, id: String(id) };
  });
  keyed.sort((a, b) => a.rank - b.rank || compareText(a.id, b.id));
  return keyed.map((item) => item.edge);
}

/** Sorts by the position of each value in `order`; unknown values go last, by text. */
function sortByRank(values: readonly string[], order: readonly string[]): string[] {
  const rank = (value: string) => {
    const index = order.indexOf(value);
    return index === -1 ? order.length : index;
  };
  return [...values].sort((a, b) => rank(a) - rank(b) || compareText(a, b));
}

function sortNumbers(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

function sortStrings(values: readonly string[]): string[] {
  return [...values].sort(compareText);
}

/** Compares by UTF-16 code units, so the order does not depend on the locale. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function isListOf<T extends 'number' | 'string'>(
  value: unknown,
  type: T,
): value is (T extends 'number' ? number : string)[] {
  return Array.isArray(value) && value.every((item) => typeof item === type);
}
