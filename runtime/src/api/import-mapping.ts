import { z } from 'zod';
import type { MappingInput } from '@dunflow/importer';
import { ApiError } from './api-error';

/**
 * Query parameters of `POST /imports` that override detection, as a mapping file does for
 * `dunflow import --mapping`. `mapping` is the whole mapping as JSON; the others set one key
 * each and win over the same key in `mapping`. The importer validates the result.
 */
export const MappingQuery = {
  mapping: z.string().min(2).max(20_000).optional(),
  country: z.string().min(1).max(10).optional(),
  defaultCurrency: z.string().min(1).max(10).optional(),
  dateFormat: z.string().min(1).max(20).optional(),
  decimalSeparator: z.string().min(1).max(1).optional(),
  delimiter: z.string().min(1).max(3).optional(),
};

const MAPPING_KEYS = [
  'country',
  'defaultCurrency',
  'dateFormat',
  'decimalSeparator',
  'delimiter',
] as const;

type MappingParams = { [K in keyof typeof MappingQuery]?: string | undefined };

/** Builds the importer's mapping from the query, or undefined when the query sets none. */
export function mappingOf(query: MappingParams): MappingInput | undefined {
  const { mapping } = query;
  const base = mapping === undefined ? {} : parseMappingJson(mapping);
  const overrides: Record<string, string> = {};
  for (const key of MAPPING_KEYS) {
    const value = query[key];
    if (value !== undefined) overrides[key] = value;
  }
  const merged = { ...base, ...overrides };
  return Object.keys(merged).length === 0 ? undefined : merged;
}

function parseMappingJson(text: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalidMapping(`the mapping parameter is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw invalidMapping(`the mapping parameter must be a JSON object, not ${text.slice(0, 40)}`);
  }
  return json as Record<string, unknown>;
}

function invalidMapping(message: string): ApiError {
  return new ApiError(400, 'invalidMapping', message, {
    fix: 'send the mapping as URL-encoded JSON, e.g. mapping={"columns":{"invoiceNumber":"Doc No"}}',
    issues: [{ path: 'mapping', message }],
  });
}
