import {
  loadMapping,
  readBookFile,
  type ImportResult,
  type Mapping,
  type OnError,
} from '@dunflow/importer';
import { createProgress } from '../progress';
import { requireFile } from './require-file';

export interface ReadBookOptions {
  /** JSON file of settings that override detection, as `loadMapping` reads it. */
  mappingFile?: string | undefined;
  onError?: OnError | undefined;
  /** JSON output: no progress bar even on a terminal. */
  json?: boolean | undefined;
  /** Rejects rows settled after this day; unset when the book is replayed as of a date. */
  today?: string | undefined;
}

/**
 * Reads an invoice book from a CSV file, with a progress bar on a terminal. Missing files
 * raise an InputFileError, and the importer raises ImportFileError or MappingError when the
 * file or mapping cannot be used.
 */
export async function readBook(file: string, options: ReadBookOptions = {}): Promise<ImportResult> {
  await requireFile(file, 'invoice file');
  const mapping = await readMapping(options.mappingFile);
  const progress = createProgress('Reading rows', options.json);
  try {
    return await readBookFile(file, {
      ...(mapping === undefined ? {} : { mapping }),
      ...(options.onError === undefined ? {} : { onError: options.onError }),
      ...(options.today === undefined ? {} : { today: options.today }),
      onProgress: progress.update,
    });
  } finally {
    progress.stop();
  }
}

async function readMapping(file: string | undefined): Promise<Mapping | undefined> {
  if (file === undefined) return undefined;
  await requireFile(file, 'mapping file');
  return loadMapping(file);
}
