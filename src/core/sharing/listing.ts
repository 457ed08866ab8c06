// The sharing branch as last fetched, listed without checking anything out: `ls-tree -r -z --long` of
// the tracking ref gives every path with its mode, blob id and size. What arrives on the branch is as
// untrusted as any repository content (SPEC §5 "hostile repositories"): symlinks, submodules, paths
// outside the standups and updates folders, names that are not a standup's or an update's, and files
// over the size limit are left out and reported as problems; nothing is ever read through a link.
// 100,000 standups list in ~0.4 s, so the raw listing is cached by tree id (in memory, and in
// `<common-dir>/async-desk/branch-listing` for the next CLI run), and a newer tree is reached with
// `diff-tree` from the cached one: an incremental sync costs what changed, not the branch's size.
import { promises as fsp } from 'node:fs';
import type { Problem } from '../shared/problem';
import { DEFAULT_LIMITS, sizeText, type ReadLimits } from '../shared/repoFiles';
import { writeFileAtomic } from '../shared/fs';
import type { StandupEntry } from '../standups/types';
import { classifyBranchPath, type SharedFolders } from './branchPaths';
import type { GitRunner } from './git';

export interface BranchFile {
  path: string;
  mode: string;
  oid: string;
  /** -1 for a submodule (no size). */
  size: number;
}

/** A standup on the branch: `file` is its path inside the branch. */
export interface BranchStandup extends StandupEntry {
  blob: string;
  size: number;
}

export interface BranchUpdate {
  file: string;
  /** 'YYYY-Www' */
  week: string;
  login: string;
  blob: string;
  size: number;
}

export interface BranchListing {
  /** The tip listed; null when the branch was never fetched. */
  commit: string | null;
  tree: string | null;
  /** Sorted by date, then login (case-insensitive), as scanStandups sorts the working tree's. */
  standups: BranchStandup[];
  updates: BranchUpdate[];
  /** On paths inside the branch; each message says "on the sharing branch". */
  problems: Problem[];
}

const CACHE_HEADER = '# async-desk branch listing v1 ';

/** Records of `ls-tree -r -z --long` (also the cache's format): `<mode> <type> <oid> <size>\t<path>\0`. */
export function parseLsTree(text: string, into = new Map<string, BranchFile>()): Map<string, BranchFile> {
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf('\0', at);
    const record = text.slice(at, end < 0 ? text.length : end);
    at = end < 0 ? text.length : end + 1;
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, , oid, size] = record.slice(0, tab).split(' ').filter(Boolean);
    if (!mode || !oid) continue;
    const path = record.slice(tab + 1);
    into.set(path, { path, mode, oid, size: size === undefined || size === '-' ? -1 : Number(size) });
  }
  return into;
}

function serialize(tree: string, files: Map<string, BranchFile>): string {
  const parts = [`${CACHE_HEADER}${tree}\n`];
  for (const f of files.values()) parts.push(`${f.mode} ${f.mode === '160000' ? 'commit' : 'blob'} ${f.oid} ${f.size < 0 ? '-' : f.size}\t${f.path}\0`);
  return parts.join('');
}

const byKey = (a: BranchStandup & { key: string }, b: BranchStandup & { key: string }) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : a.login < b.login ? -1 : a.login > b.login ? 1 : 0;

/** Sorts a branch's files into standups, updates and problems. */
export function classifyBranchFiles(
  files: Iterable<BranchFile>,
  folders: SharedFolders,
  limits: ReadLimits = DEFAULT_LIMITS,
): Omit<BranchListing, 'commit' | 'tree'> {
  const standups: (BranchStandup & { key: string })[] = [];
  const updates: BranchUpdate[] = [];
  const problems: Problem[] = [];
  const problem = (file: string, code: string, why: string) =>
    problems.push({ file, line: 0, severity: 'warning', code, message: `${file} on the sharing branch ${why}` });
  for (const f of files) {
    const where = classifyBranchPath(f.path, folders);
    if (where.kind === 'readme') continue;
    if (where.kind === 'other') {
      problem(f.path, where.code, where.message);
      continue;
    }
    if (f.mode === '120000') problem(f.path, 'symlink-on-branch', 'is a symbolic link; ignored (only regular files are read from the sharing branch).');
    else if (f.mode === '160000') problem(f.path, 'submodule-on-branch', 'is a submodule; ignored.');
    else if (f.mode !== '100644' && f.mode !== '100755') problem(f.path, 'not-a-file-on-branch', `is not a regular file (mode ${f.mode}); ignored.`);
    else if (f.size > limits.file) problem(f.path, 'too-large', `is ${sizeText(f.size)}, over the ${sizeText(limits.file)} limit; not read.`);
    else if (where.kind === 'standup')
      standups.push({ date: where.date, login: where.login, file: f.path, blob: f.oid, size: f.size, key: where.login.toLowerCase() });
    else updates.push({ file: f.path, week: where.week, login: where.login, blob: f.oid, size: f.size });
  }
  standups.sort(byKey);
  for (let i = 1; i < standups.length; i++) {
    const [a, b] = [standups[i - 1]!, standups[i]!];
    if (a.date === b.date && a.key === b.key) problem(b.file, 'duplicate-standup', `is a second standup of @${b.login} on ${b.date} (with ${a.file}).`);
  }
  updates.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { standups: standups.map(({ key: _key, ...e }) => e), updates, problems };
}

/** The branch's listing, kept up to date from one tree to the next. */
export class BranchIndex {
  private raw: { tree: string; files: Map<string, BranchFile> } | undefined;
  private listed: BranchListing | undefined;

  constructor(
    private readonly git: GitRunner,
    private readonly cwd: string,
    /** The tracking ref, `refs/remotes/origin/async-desk`. */
    private readonly ref: string,
    private readonly folders: SharedFolders,
    private readonly limits: ReadLimits = DEFAULT_LIMITS,
    /** Where the listing is cached between processes (none: memory only). */
    private readonly cacheFile?: string,
  ) {}

  /** The tip of the ref and its tree, or null when there is no such ref. */
  async head(): Promise<{ commit: string; tree: string } | null> {
    const out = (await this.git.text(['for-each-ref', '--format=%(objectname) %(tree)', this.ref], { cwd: this.cwd, readOnly: true })).trim();
    const [commit, tree] = out.split(' ');
    return commit && tree ? { commit, tree } : null;
  }

  async listing(): Promise<BranchListing> {
    const head = await this.head();
    if (!head) return { commit: null, tree: null, standups: [], updates: [], problems: [] };
    if (this.listed?.tree !== head.tree) {
      const files = await this.files(head.tree);
      this.listed = { commit: head.commit, tree: head.tree, ...classifyBranchFiles(files.values(), this.folders, this.limits) };
    }
    return { ...this.listed, commit: head.commit };
  }

  /** Paths added or changed from one tree (or commit) to another: what a fetch brought. */
  async changedPaths(from: string, to: string): Promise<string[]> {
    const out = (await this.git.run(['diff-tree', '-r', '-z', '--no-renames', '--name-only', '--diff-filter=AMT', from, to], { cwd: this.cwd, readOnly: true }))
      .stdout;
    return out.toString('utf8').split('\0').filter(Boolean);
  }

  private async files(tree: string): Promise<Map<string, BranchFile>> {
    if (this.raw?.tree === tree) return this.raw.files;
    const known = this.raw ?? (await this.readCache());
    let files: Map<string, BranchFile>;
    if (known?.tree === tree) files = known.files;
    else if (known) files = await this.applyDiff(known.files, known.tree, tree);
    else
      files = parseLsTree(
        (await this.git.run(['ls-tree', '-r', '-z', '--long', '--full-tree', tree], { cwd: this.cwd, readOnly: true })).stdout.toString('utf8'),
      );
    this.raw = { tree, files };
    if (this.cacheFile && known?.tree !== tree) await writeFileAtomic(this.cacheFile, serialize(tree, files)).catch(() => undefined);
    return files;
  }

  /** `from`'s files changed into `to`'s: diff-tree for the paths, batch-check for the new blobs' sizes. */
  private async applyDiff(base: Map<string, BranchFile>, from: string, to: string): Promise<Map<string, BranchFile>> {
    let out: string;
    try {
      out = (await this.git.run(['diff-tree', '-r', '-z', '--no-renames', from, to], { cwd: this.cwd, readOnly: true })).stdout.toString('utf8');
    } catch {
      // The cached tree is gone (gc after a rewrite): list from scratch.
      return parseLsTree((await this.git.run(['ls-tree', '-r', '-z', '--long', '--full-tree', to], { cwd: this.cwd, readOnly: true })).stdout.toString('utf8'));
    }
    const files = new Map(base);
    const fields = out.split('\0');
    const added: BranchFile[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const [, dstMode, , dstOid, status] = fields[i]!.replace(/^:/, '').split(' ');
      const path = fields[i + 1]!;
      if (status === 'D') files.delete(path);
      else if (dstMode && dstOid) {
        const file = { path, mode: dstMode, oid: dstOid, size: -1 };
        files.set(path, file);
        if (dstMode !== '160000') added.push(file);
      }
    }
    if (added.length) {
      const sizes = (
        await this.git.run(['cat-file', '--batch-check=%(objectname) %(objectsize)'], {
          cwd: this.cwd,
          readOnly: true,
          input: added.map((f) => f.oid).join('\n') + '\n',
        })
      ).stdout
        .toString('utf8')
        .split('\n');
      const byOid = new Map(
        sizes
          .map((l) => l.split(' ') as [string, string])
          .filter(([, s]) => /^\d+$/.test(s ?? ''))
          .map(([o, s]) => [o, Number(s)]),
      );
      for (const f of added) f.size = byOid.get(f.oid) ?? Number.MAX_SAFE_INTEGER; // unknown: never read
    }
    return files;
  }

  private async readCache(): Promise<{ tree: string; files: Map<string, BranchFile> } | undefined> {
    if (!this.cacheFile) return undefined;
    try {
      const text = await fsp.readFile(this.cacheFile, 'utf8');
      const eol = text.indexOf('\n');
      if (!text.startsWith(CACHE_HEADER) || eol < 0) return undefined;
      return { tree: text.slice(CACHE_HEADER.length, eol), files: parseLsTree(text.slice(eol + 1)) };
    } catch {
      return undefined;
    }
  }
}
