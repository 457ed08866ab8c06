// The standups a reader sees (issue 13): the sharing branch as last fetched, plus posts waiting in
// the queue (a queued post wins for its own file: it is newer), plus standup files in the working
// tree (teams that keep them on main lose nothing; the branch wins over a working-tree file of the
// same person and day). The entries are StandupEntry, so StandupDays and standupHistory work on them
// unchanged; `source` says where each one is, and `file` is the path inside the branch for the
// branch's and the queue's. Texts are read through one reader: branch blobs in one `cat-file --batch`
// process, decoded as the safe reader decodes files (UTF-8, UTF-16 with a BOM).
import type { Problem } from '../shared/problem';
import { decodeText, type ReadOutcome, type RepoFiles } from '../shared/repoFiles';
import { parseStandupPath } from '../standups/paths';
import type { StandupEntry } from '../standups/types';
import { CatFile } from './catFile';
import type { GitRunner } from './git';
import type { BranchStandup } from './listing';
import type { QueuedPost } from './queue';

export type StandupSource = 'branch' | 'queue' | 'worktree';

export interface SourcedStandup extends StandupEntry {
  source: StandupSource;
  /** branch: the blob id; queue: the revision the post was edited from (null: a new file). */
  blob?: string | null;
}

/** One entry per person and day, sorted by date then login (case-insensitive), as scanStandups sorts. */
export function mergeStandups(
  branch: readonly BranchStandup[],
  queued: readonly QueuedPost[],
  worktree: readonly StandupEntry[],
  standupsDir: string,
): SourcedStandup[] {
  const byKey = new Map<string, SourcedStandup>();
  const key = (date: string, login: string) => `${date}/${login.toLowerCase()}`;
  for (const e of worktree) byKey.set(key(e.date, e.login), { ...e, source: 'worktree' });
  for (const e of branch) byKey.set(key(e.date, e.login), { date: e.date, login: e.login, file: e.file, source: 'branch', blob: e.blob });
  for (const q of queued) {
    const where = parseStandupPath(q.file, standupsDir);
    if (where) byKey.set(key(where.date, where.login), { ...where, file: q.file, source: 'queue', blob: q.base });
  }
  const sortKey = (e: SourcedStandup) => `${e.date}/${e.login.toLowerCase()}`;
  return [...byKey.values()].sort((a, b) => {
    const [ka, kb] = [sortKey(a), sortKey(b)];
    return ka < kb ? -1 : ka > kb ? 1 : a.login < b.login ? -1 : a.login > b.login ? 1 : 0;
  });
}

/** Reads the text of merged entries, whatever their source. */
export class StandupReader {
  private readonly queued: Map<string, string>;

  constructor(
    /** The working tree's safe reader. */
    private readonly files: RepoFiles,
    queued: readonly QueuedPost[],
    /** For branch entries; without it (sharing off) there are none. */
    private readonly git?: { runner: GitRunner; cwd: string },
  ) {
    this.queued = new Map(queued.map((q) => [q.file, q.text]));
  }

  /** A working-tree or queued entry's text, at once; undefined for a branch entry (read those with `read`). */
  readNow(entry: SourcedStandup): ReadOutcome | undefined {
    if (entry.source === 'worktree') return this.files.read(entry.file);
    if (entry.source === 'queue') {
      const text = this.queued.get(entry.file);
      return text === undefined ? { ok: false, missing: true } : { ok: true, text };
    }
    return undefined;
  }

  /** The texts of entries: branch blobs in one batch. */
  async read(entries: readonly SourcedStandup[]): Promise<Map<SourcedStandup, ReadOutcome>> {
    const out = new Map<SourcedStandup, ReadOutcome>();
    const fromBranch: SourcedStandup[] = [];
    for (const e of entries) {
      const now = this.readNow(e);
      if (now) out.set(e, now);
      else if (e.blob) fromBranch.push(e);
      else out.set(e, { ok: false, missing: true });
    }
    if (fromBranch.length && this.git) {
      const texts = await readBlobs(
        this.git.runner,
        this.git.cwd,
        fromBranch.map((e) => ({ file: e.file, blob: e.blob! })),
      );
      for (const e of fromBranch) out.set(e, texts.get(e.file) ?? { ok: false, missing: true });
    }
    return out;
  }
}

/** Blobs as text, decoded like files (BOMs, UTF-16); one cat-file process for all. */
export async function readBlobs(git: GitRunner, cwd: string, wanted: readonly { file: string; blob: string }[]): Promise<Map<string, ReadOutcome>> {
  const cat = new CatFile(git, cwd);
  const out = new Map<string, ReadOutcome>();
  try {
    const objects = await Promise.all(wanted.map((w) => cat.get(w.blob)));
    wanted.forEach((w, i) => {
      const object = objects[i];
      if (!object || object.type !== 'blob') out.set(w.file, { ok: false, missing: true });
      else out.set(w.file, decodeText(object.data, w.file));
    });
  } finally {
    await cat.close();
  }
  return out;
}

/** Branch problems first, then the working tree's, as one list. */
export function mergeProblems(...lists: readonly (readonly Problem[])[]): Problem[] {
  const out: Problem[] = [];
  for (const list of lists) for (const p of list) out.push(p); // (a loop: lists can be long)
  return out;
}
