import { execFile } from 'node:child_process';
import { basename, dirname } from 'node:path';

/** Raised when git cannot read a rule file's history: no repository, or an unknown revision. */
export class GitSourceError extends Error {
  override readonly name = 'GitSourceError';

  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

interface GitOutput {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** Runs git in the folder of `file`, so paths resolve as they do in the shell there. */
function runGit(file: string, args: readonly string[]): Promise<GitOutput> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      { cwd: dirname(file), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ ok: error === null, stdout, stderr });
      },
    );
  });
}

/**
 * Returns the text of `file` at git revision `revision` (`git show REV:./FILE`), or
 * undefined when the file does not exist in that revision. Raises GitSourceError when the
 * folder is not in a git repository or the revision is unknown.
 */
export async function showAtRevision(file: string, revision: string): Promise<string | undefined> {
  const commit = await runGit(file, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  if (!commit.ok) {
    const reason = commit.stderr.trim() || `revision '${revision}' is not a commit`;
    throw new GitSourceError(
      file,
      `cannot read ${file} at '${revision}': ${reason}; pass a branch, tag or commit of the ` +
        `repository that contains ${file}, e.g. --from HEAD~1`,
    );
  }
  const content = await runGit(file, ['show', `${commit.stdout.trim()}:./${basename(file)}`]);
  return content.ok ? content.stdout : undefined;
}

/** The git origin of a rule file: the commit checked out, and whether the file differs. */
export interface GitOrigin {
  commit: string;
  /** True when the file has changes that are not committed, or is not tracked. */
  dirty: boolean;
}

/** Returns the git origin of `file`, or undefined when it is not in a git repository. */
export async function gitOriginOf(file: string): Promise<GitOrigin | undefined> {
  const head = await runGit(file, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (!head.ok) return undefined;
  const status = await runGit(file, ['status', '--porcelain', '--', basename(file)]);
  if (!status.ok) return undefined;
  return { commit: head.stdout.trim(), dirty: status.stdout.trim() !== '' };
}
