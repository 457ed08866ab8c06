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
  /** The remote's fetch refspecs (`+refs/heads/*:refs/remotes/origin/*`): a push updates the tracking ref they map to. */
  fetchSpecs: string[];
}

export type Located = { kind: 'repository'; repository: Repository } | { kind: 'not-a-repository' } | { kind: 'no-git'; message: string };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The repository `root` is in (root may be any folder of its working tree). */
export async function locateRepository(git: GitRunner, root: string, remote: string): Promise<Located> {
  let lines: string[];
  let remoteUrl: string | null = null;
  const fetchSpecs: string[] = [];
  try {
    const [revParse, config] = await Promise.all([
      git.text(['rev-parse', '--path-format=absolute', '--git-common-dir', '--show-object-format'], { cwd: root, readOnly: true }),
      // Exit 1: no such keys (no such remote).
      git.run(['config', '-z', '--get-regexp', `^remote\\.${escapeRegExp(remote)}\\.(url|fetch)$`], { cwd: root, readOnly: true, okCodes: [1] }),
    ]);
    lines = revParse.split('\n');
    // -z: "<key>\n<value>\0" per entry.
    for (const entry of config.stdout.toString('utf8').split('\0')) {
      const eol = entry.indexOf('\n');
      if (eol < 0) continue;
      const [key, value] = [entry.slice(0, eol), entry.slice(eol + 1)];
      if (key.endsWith('.url')) remoteUrl ??= value.trim() || null;
      else fetchSpecs.push(value.trim());
    }
  } catch (error) {
    if (error instanceof GitError && error.spawnCode) return { kind: 'no-git', message: `git could not be started (${error.spawnCode}): ${git.gitPath}` };
    // "not a git repository" (and the rare "dubious ownership": git will not work there either).
    return { kind: 'not-a-repository' };
  }
  const commonDir = path.resolve(root, lines[0]!.trim());
  const format = lines[1]?.trim();
  return {
    kind: 'repository',
    repository: { commonDir, stateDir: path.join(commonDir, 'async-desk'), oidLength: format === 'sha256' ? 64 : 40, remoteUrl, fetchSpecs },
  };
}

/** Whether a fetch refspec maps `refs/heads/<branch>` to `ref` (then git's push updates `ref` itself). */
export function fetchSpecMaps(specs: readonly string[], branch: string, ref: string): boolean {
  const source = `refs/heads/${branch}`;
  return specs.some((spec) => {
    const [src, dst] = spec.replace(/^\+/, '').split(':');
    if (!src || !dst) return false;
    if (!src.includes('*')) return src === source && dst === ref;
    const [pre, post] = src.split('*') as [string, string];
    if (!source.startsWith(pre) || !source.endsWith(post) || source.length < pre.length + post.length) return false;
    return dst.replace('*', source.slice(pre.length, source.length - post.length)) === ref;
  });
}
