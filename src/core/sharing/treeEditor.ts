// Writes files into a commit's tree without an index or a checkout: only the trees on the way to each
// written path are read (`cat-file --batch`) and written again (`mktree --batch`), bottom-up. A post
// costs the same on a branch of ten standups and on one of 100,000 (a temporary index would read and
// write all 100,000 entries each time: docs/decisions/0015). Names are kept as raw bytes (latin1
// strings), so entries we do not touch are written back exactly as they were.
import type { ChildProcess } from 'node:child_process';
import { endBatch } from './git';
import { parseTree, type CatFile, type TreeEntry } from './catFile';
import type { GitRunner } from './git';

const TREE_MODE = '40000';

/** `git mktree -z --missing --batch`: one process for every tree of a post (an id per tree, in order). */
export class MkTree {
  private child: ChildProcess | undefined;
  private readonly pending: { resolve: (oid: string) => void; reject: (e: Error) => void }[] = [];
  private out = '';
  private stderr = '';

  constructor(
    private readonly git: GitRunner,
    private readonly cwd: string,
  ) {}

  write(entries: readonly TreeEntry[]): Promise<string> {
    const child = this.start();
    const parts: Buffer[] = entries.map((e) => {
      const type = e.mode === TREE_MODE || e.mode === '040000' ? 'tree' : e.mode === '160000' ? 'commit' : 'blob';
      return Buffer.concat([Buffer.from(`${e.mode} ${type} ${e.oid}\t`, 'latin1'), Buffer.from(e.name, 'latin1'), Buffer.from([0])]);
    });
    parts.push(Buffer.from([0])); // an empty record ends the tree
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      child.stdin!.write(Buffer.concat(parts));
    });
  }

  /** Starts the process now, so its start-up overlaps other work. */
  warm(): void {
    this.start();
  }

  close(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    return endBatch(child);
  }

  private start(): ChildProcess {
    if (this.child) return this.child;
    // --missing: objects of other people's files need not be here (a partial clone); gitlinks never are.
    const child = this.git.start(['mktree', '-z', '--missing', '--batch'], { cwd: this.cwd });
    this.child = child;
    child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      this.out += s;
      let eol: number;
      while ((eol = this.out.indexOf('\n')) >= 0) {
        const line = this.out.slice(0, eol).trim();
        this.out = this.out.slice(eol + 1);
        this.pending.shift()?.resolve(line);
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (this.stderr = (this.stderr + s).slice(-4096)));
    child.stdin!.on('error', () => undefined);
    const fail = (why: string) => {
      if (this.child === child) this.child = undefined;
      const error = new Error(`git mktree ${why}${this.stderr ? `: ${this.git.redact(this.stderr.trim())}` : ''}`);
      for (const p of this.pending.splice(0)) p.reject(error);
    };
    child.on('error', (e) => fail(`could not run (${(e as NodeJS.ErrnoException).code ?? e.message})`));
    child.on('close', (code) => fail(`ended (exit ${code})`));
    return child;
  }
}

const latin1 = (utf8: string) => Buffer.from(utf8, 'utf8').toString('latin1');
const parentOf = (dir: string) => (dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '');
const nameIn = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const depth = (dir: string) => (dir === '' ? 0 : dir.split('/').length);

/** The tree of a commit being built: read entries, set files, write the new root tree. */
export class TreeEditor {
  /** Directory (UTF-8 path, '' = root) -> its entries by raw name. */
  private readonly dirs = new Map<string, Map<string, TreeEntry>>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly cat: CatFile,
    private readonly mktree: MkTree,
    /** The tree to start from; null for a root commit's empty tree. */
    private readonly baseTree: string | null,
    private readonly oidLength: number,
  ) {}

  /** The entry at a file path (null when there is none). Throws when a parent on the way is a file. */
  async entryAt(path: string): Promise<TreeEntry | null> {
    const dir = await this.dir(parentOf(path));
    return dir.get(latin1(nameIn(path))) ?? null;
  }

  /** Puts a blob at `path` (creating folders on the way). */
  async set(path: string, oid: string, mode = '100644'): Promise<void> {
    const dirPath = parentOf(path);
    const dir = await this.dir(dirPath);
    dir.set(latin1(nameIn(path)), { mode, name: latin1(nameIn(path)), oid });
    for (let d = dirPath; ; d = parentOf(d)) {
      this.dirty.add(d);
      if (d === '') break;
    }
  }

  /** Writes the changed trees, deepest first, and returns the root tree's id. */
  async write(): Promise<string> {
    const order = [...this.dirty].sort((a, b) => depth(b) - depth(a));
    let root = this.baseTree;
    for (const d of order) {
      const oid = await this.mktree.write([...this.dirs.get(d)!.values()]);
      if (d === '') root = oid;
      else {
        const name = latin1(nameIn(d));
        this.dirs.get(parentOf(d))!.set(name, { mode: TREE_MODE, name, oid });
      }
    }
    this.dirty.clear();
    if (root === null) throw new Error('nothing was written to an empty tree');
    return root;
  }

  private async dir(path: string): Promise<Map<string, TreeEntry>> {
    const known = this.dirs.get(path);
    if (known) return known;
    let entries: Map<string, TreeEntry>;
    if (path === '') {
      entries = this.baseTree === null ? new Map<string, TreeEntry>() : await this.readTree(this.baseTree, '(root)');
    } else {
      const parent = await this.dir(parentOf(path));
      const entry = parent.get(latin1(nameIn(path)));
      if (!entry) entries = new Map<string, TreeEntry>();
      else if (entry.mode === TREE_MODE || entry.mode === '040000') entries = await this.readTree(entry.oid, path);
      else throw new Error(`${path} is not a folder on the sharing branch (mode ${entry.mode}); cannot write below it`);
    }
    this.dirs.set(path, entries);
    return entries;
  }

  private async readTree(oid: string, path: string): Promise<Map<string, TreeEntry>> {
    const object = await this.cat.get(oid);
    if (!object || object.type !== 'tree') throw new Error(`the tree of ${path} (${oid}) cannot be read`);
    return new Map(parseTree(object.data, this.oidLength).map((e) => [e.name, e]));
  }
}
