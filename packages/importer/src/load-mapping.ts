import { readFile } from 'node:fs/promises';
import { parseMapping, type Mapping } from './mapping';
import { MappingError } from './mapping-error';

/** Reads and validates a mapping file (JSON). */
export async function loadMapping(path: string): Promise<Mapping> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MappingError(path, [{ path: '', message: `not valid JSON: ${reason}` }]);
  }
  return parseMapping(json, path);
}
