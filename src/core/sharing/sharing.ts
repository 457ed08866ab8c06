// Sharing standups and weekly updates over git (SPEC §2.4, issue 13): the one object the CLI and the
// extension drive. openSharing finds the repository and says whether posts can be shared at all
// (sharing off, not a repository, no remote, no git); a Sharing then posts, syncs, fetches, lists
// the branch as last fetched and manages the queue. Every operation that writes (post, sync, fetch,
// discard) holds the clone's lock; none touches the working tree, the index, HEAD, the current
// branch, the stash or FETCH_HEAD.
import * as path from 'node:path';
import type { ReadOutcome, ReadLimits } from '../shared/repoFiles';
import { DEFAULT_LIMITS } from '../shared/repoFiles';
import { classifyBranchPath, type SharedFolders } from './branchPaths';
import { classifyGitFailure, noRemoteFailure, type SharingFailure } from './failure';
import { GitRunner, type GitConfigEntry, type GitRunnerOptions } from './git';
import { BranchIndex, type BranchListing } from './listing';
import { withLock } from './lock';
import { PostQueue, type QueuedPost } from './queue';
import { fetchSpecMaps, locateRepository, type Repository } from './repository';
import { readBlobs } from './sources';
import { deliver, fetchBranch, trackingRef, type Conflict, type Delivery, type OneCommit, type Transport } from './transport';

export interface SharingOptions {
  /** A folder of the working tree (the workspace folder, the CLI's --root). */
  root: string;
  /** The team file's `sharing.branch` ('' = sharing off). */
  branch: string;
  /** Default 'origin'. */
  remote?: string;
  folders: SharedFolders;
  /** A runner, or how to make one (the git binary, credentials, a log). */
  git?: GitRunner | GitRunnerOptions;
  limits?: ReadLimits;
  /** Push attempts when others keep posting first (default 40). */
  maxAttempts?: number;
  /** For the retry jitter (default Math.random). */
  random?: () => number;
  /** How long to wait for another process's lock (default 60 s). */
  lockWaitMs?: number;
}

export type NotSharedReason = 'off' | 'not-a-repository' | 'no-remote' | 'no-git';

export type OpenResult = { kind: 'shared'; sharing: Sharing } | { kind: 'not-shared'; reason: NotSharedReason; message: string };

export interface NewPost {
  /** The path inside the branch (a standup or a weekly update). */
  file: string;
  text: string;
  author: string;
  /** The blob id of the revision it was edited from (`Sharing.baseOf`); null for a new file. */
  base: string | null;
}

export type PostResult =
  | { kind: 'pushed'; file: string; commit: string; attempts: number }
  /** The branch already has exactly this text. */
  | { kind: 'unchanged'; file: string }
  | { kind: 'queued'; file: string; failure: SharingFailure }
  /** The branch has another revision than `base`: nothing was overwritten; the post stays queued until the author chooses. */
  | ({ kind: 'conflict' } & Conflict);

export type FetchReport = { ok: true; exists: boolean; newPosts: string[]; rewritten: boolean; commit: string | null } | { ok: false; failure: SharingFailure };

export interface SyncReport {
  pushed: string[];
  fetch: FetchReport;
  /** Still queued after the sync (with their failure or conflict). */
  waiting: QueuedPost[];
  conflicts: Conflict[];
}

export async function openSharing(options: SharingOptions): Promise<OpenResult> {
  if (options.branch === '')
    return { kind: 'not-shared', reason: 'off', message: 'Sharing is off (sharing.branch is "" in the team file): standups stay in the working tree.' };
  const git = options.git instanceof GitRunner ? options.git : new GitRunner(options.git);
  const remote = options.remote ?? 'origin';
  const located = await locateRepository(git, options.root, remote);
  if (located.kind === 'no-git') return { kind: 'not-shared', reason: 'no-git', message: `Not shared: ${located.message}.` };
  if (located.kind === 'not-a-repository')
    return { kind: 'not-shared', reason: 'not-a-repository', message: `Not shared: ${options.root} is not in a git repository.` };
  if (located.repository.remoteUrl === null) return { kind: 'not-shared', reason: 'no-remote', message: noRemoteFailure(remote).message };
  return { kind: 'shared', sharing: new Sharing(options, git, remote, located.repository) };
}

export class Sharing {
  readonly branch: string;
  readonly remote: string;
  readonly remoteUrl: string;
  /** `refs/remotes/<remote>/<branch>`: the branch as last fetched. */
  readonly trackingRef: string;
  readonly queue: PostQueue;
  private readonly transport: Transport;
  private readonly index: BranchIndex;
  private readonly lockFile: string;

  constructor(
    private readonly options: SharingOptions,
    readonly git: GitRunner,
    remote: string,
    readonly repository: Repository,
  ) {
    this.branch = options.branch;
    this.remote = remote;
    this.remoteUrl = repository.remoteUrl!;
    this.trackingRef = trackingRef({ remote, branch: options.branch });
    this.queue = new PostQueue(path.join(repository.stateDir, 'queue'));
    this.lockFile = path.join(repository.stateDir, 'lock');
    this.transport = {
      git,
      cwd: options.root,
      remote,
      remoteUrl: this.remoteUrl,
      branch: options.branch,
      folders: options.folders,
      oidLength: repository.oidLength,
      maxAttempts: options.maxAttempts ?? 40,
      random: options.random ?? Math.random,
      pushUpdatesTracking: fetchSpecMaps(repository.fetchSpecs, options.branch, this.trackingRef),
    };
    this.index = new BranchIndex(
      git,
      options.root,
      this.trackingRef,
      options.folders,
      options.limits ?? DEFAULT_LIMITS,
      path.join(repository.stateDir, 'branch-listing'),
    );
  }

  /** Credentials for the next fetches and pushes (e.g. `tokenConfig(sharing.remoteUrl, token)` from the GitHub sign-in). */
  useCredentials(config: readonly GitConfigEntry[], secrets: readonly string[] = []): void {
    this.git.useCredentials(config, secrets);
  }

  get folders(): SharedFolders {
    return this.options.folders;
  }

  /**
   * Posts a file: queued first (nothing is lost if the process dies), then pushed. A newer post of a
   * file that is still waiting replaces it. Throws only for a path that is not a standup or update.
   */
  async post(post: NewPost): Promise<PostResult> {
    const where = classifyBranchPath(post.file, this.options.folders);
    if (where.kind !== 'standup' && where.kind !== 'update')
      throw new Error(`${post.file} is not a standup or weekly update path: ${where.kind === 'other' ? where.message : 'the README'}`);
    return this.locked(async () => {
      const waiting = await this.queue.get(post.file);
      const entry: QueuedPost = { ...post, queuedAt: waiting?.queuedAt ?? new Date().toISOString(), attempts: waiting?.attempts ?? 0 };
      await this.queue.put(entry);
      const delivery = await this.deliver([entry]);
      const conflict = delivery.conflicts[0];
      if (conflict) {
        await this.queue.put({ ...entry, attempts: entry.attempts + 1, conflict: { theirsBlob: conflict.theirsBlob } });
        return { kind: 'conflict', ...conflict };
      }
      if (delivery.failure) {
        await this.queue.put({ ...entry, attempts: entry.attempts + 1, failure: delivery.failure });
        return { kind: 'queued', file: post.file, failure: delivery.failure };
      }
      await this.queue.remove(post.file);
      if (delivery.unchanged.length) return { kind: 'unchanged', file: post.file };
      return { kind: 'pushed', file: post.file, commit: delivery.commit!, attempts: delivery.attempts };
    });
  }

  /**
   * Queues posts without pushing them (a file saved in the editor, "Move standups to the sharing
   * branch"): they go out with the next sync, in one commit. A post of a file that is waiting already
   * replaces its text and keeps its base (the revision the author last saw).
   */
  async enqueue(posts: readonly NewPost[]): Promise<void> {
    for (const post of posts) {
      const where = classifyBranchPath(post.file, this.options.folders);
      if (where.kind !== 'standup' && where.kind !== 'update') throw new Error(`${post.file} is not a standup or weekly update path`);
    }
    await this.locked(async () => {
      for (const post of posts) {
        const waiting = await this.queue.get(post.file);
        await this.queue.put({
          ...post,
          base: waiting ? waiting.base : post.base,
          queuedAt: waiting?.queuedAt ?? new Date().toISOString(),
          attempts: waiting?.attempts ?? 0,
        });
      }
    });
  }

  /** Pushes what is queued and fetches the branch: "pushed 1, fetched 3 new posts". `oneCommit`: all of it in one commit. */
  async sync(options: { oneCommit?: OneCommit } = {}): Promise<SyncReport> {
    return this.locked(async () => {
      const fetch = await this.fetchUnlocked();
      const queued = await this.queue.list();
      const report: SyncReport = { pushed: [], fetch, waiting: [], conflicts: [] };
      if (queued.length === 0) return report;
      if (!fetch.ok) {
        // The push would fail the same way: keep everything, say why once.
        for (const q of queued) await this.queue.put({ ...q, failure: fetch.failure });
        report.waiting = await this.queue.list();
        return report;
      }
      const delivery = await this.deliver(queued, options.oneCommit);
      const conflicted = new Map(delivery.conflicts.map((c) => [c.file, c]));
      for (const q of queued) {
        const conflict = conflicted.get(q.file);
        if (delivery.landed.includes(q.file)) await this.queue.remove(q.file);
        else if (conflict) await this.queue.put({ ...q, attempts: q.attempts + 1, conflict: { theirsBlob: conflict.theirsBlob } });
        else if (delivery.failure) await this.queue.put({ ...q, attempts: q.attempts + 1, failure: delivery.failure });
      }
      report.pushed = delivery.landed.filter((f) => !delivery.unchanged.includes(f));
      report.conflicts = delivery.conflicts;
      report.waiting = await this.queue.list();
      return report;
    });
  }

  /** Fetches the branch (the background fetch); `newPosts` are the paths it brought. */
  fetch(): Promise<FetchReport> {
    return this.locked(() => this.fetchUnlocked());
  }

  /** The branch as last fetched: standups, updates, problems (no network). */
  listing(): Promise<BranchListing> {
    return this.index.listing();
  }

  queued(): Promise<QueuedPost[]> {
    return this.queue.list();
  }

  /** Drops a waiting post (the author chose the branch's revision over it). */
  discard(file: string): Promise<void> {
    return this.locked(() => this.queue.remove(file));
  }

  /** The revision a new edit of `file` is based on: the waiting post's base, else the branch's blob, else null. */
  async baseOf(file: string): Promise<string | null> {
    const waiting = await this.queue.get(file);
    if (waiting) return waiting.base;
    const out = await this.git.run(['rev-parse', '-q', '--verify', `${this.trackingRef}:${file}`], {
      cwd: this.options.root,
      readOnly: true,
      okCodes: [1, 128],
    });
    return out.code === 0 ? out.stdout.toString('utf8').trim() : null;
  }

  /** Texts of branch files by blob id (one process for all). */
  readBranch(wanted: readonly { file: string; blob: string }[]): Promise<Map<string, ReadOutcome>> {
    return readBlobs(this.git, this.options.root, wanted);
  }

  private async fetchUnlocked(): Promise<FetchReport> {
    const fetched = await fetchBranch(this.transport);
    if (!fetched.ok) return { ok: false, failure: fetched.failure };
    let newPosts: string[] = [];
    if (fetched.after && fetched.after !== fetched.before) {
      let changed: string[];
      if (fetched.before && !fetched.rewritten) changed = await this.index.changedPaths(fetched.before, fetched.after);
      else {
        const listing = await this.index.listing();
        changed = [...listing.standups.map((s) => s.file), ...listing.updates.map((u) => u.file)];
      }
      newPosts = changed.filter((f) => {
        const kind = classifyBranchPath(f, this.options.folders).kind;
        return kind === 'standup' || kind === 'update';
      });
    }
    return { ok: true, exists: fetched.exists, newPosts, rewritten: fetched.rewritten, commit: fetched.after };
  }

  /** deliver(), with anything unexpected (a git command that broke, a tree that cannot be read) as a failure: the posts stay queued. */
  private async deliver(posts: readonly QueuedPost[], oneCommit?: OneCommit): Promise<Delivery> {
    try {
      return await deliver(this.transport, posts, oneCommit);
    } catch (error) {
      const failure = classifyGitFailure(error, { remote: this.remote, branch: this.branch, remoteUrl: this.remoteUrl });
      return { landed: [], unchanged: [], conflicts: [], failure: failure.kind === 'non-fast-forward' ? { ...failure, kind: 'other' } : failure, attempts: 1 };
    }
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    return withLock(this.lockFile, work, this.options.lockWaitMs === undefined ? {} : { waitMs: this.options.lockWaitMs });
  }
}
