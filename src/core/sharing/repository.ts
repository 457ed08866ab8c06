// Where a clone keeps its own storage and ours: `git rev-parse --git-common-dir` (in a linked worktree
// or a submodule `.git` is a file, and the queue must be shared by all worktrees of one clone), our
// state under `<common-dir>/async-desk/` (queue, lock, listing cache), the object format (SHA-1 or
// SHA-256 ids) and the remote's URL.
import * as path from 'node:path';
import { GitError, type GitRunner } from './git';

export interface Repository {
  /** Absolute. */
  commonDir: string;
  /** `<commonDir>/async-desk`. */
  stateDir: string;
  /** 40 (SHA-1) or 64 (SHA-256) hex digits. */
  oidLength: number;
  /** The remote's fetch URL, or null when the repository has no such remote. */
  remoteUrl: string | null;
}

export type Located = { kind: 'repository'; repository: Repository } | { kind: 'not-a-repository' } | { kind: 'no-git'; message: string };

/** The repository `root` is in (root may be any folder of its working tree). */
export async function locateRepository(git: GitRunner, root: string, remote: string): Promise<Located> {
  let lines: string[];
  let remoteUrl: string | null;
  try {
    const [revParse, url] = await Promise.all([
      git.text(['rev-parse', '--path-format=absolute', '--git-common-dir', '--show-object-format'], { cwd: root, readOnly: true }),
      // Exit 1: no such key (no such remote).
      git.run(['config', '--get', `remote.${remote}.url`], { cwd: root, readOnly: true, okCodes: [1] }),
    ]);
    lines = revParse.split('\n');
    remoteUrl = url.code === 0 ? url.stdout.toString('utf8').trim() || null : null;
  } catch (error) {
    if (error instanceof GitError && error.spawnCode) return { kind: 'no-git', message: `git could not be started (${error.spawnCode}): ${git.gitPath}` };
    // "not a git repository" (and the rare "dubious ownership": git will not work there either).
    return { kind: 'not-a-repository' };
  }
  const commonDir = path.resolve(root, lines[0]!.trim());
  const format = lines[1]?.trim();
  return {
    kind: 'repository',
    repository: { commonDir, stateDir: path.join(commonDir, 'async-desk'), oidLength: format === 'sha256' ? 64 : 40, remoteUrl },
  };
}
