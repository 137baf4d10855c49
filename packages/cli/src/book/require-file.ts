import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputFileError } from './input-file-error';

/**
 * Checks that `path` names a readable file, else raises an InputFileError that names the
 * file's role (e.g. `invoice file`) and the absolute path looked at.
 */
export async function requireFile(path: string, role: string): Promise<void> {
  const absolute = resolve(path);
  let isFile: boolean;
  try {
    isFile = (await stat(absolute)).isFile();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const problem = code === 'ENOENT' ? 'not found' : `unreadable (${String(code)})`;
    throw new InputFileError(path, `${role} '${path}' ${problem} at ${absolute}; check the path`);
  }
  if (!isFile) {
    throw new InputFileError(
      path,
      `${role} '${path}' is a folder, not a file; pass the file's path`,
    );
  }
}
