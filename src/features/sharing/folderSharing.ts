// Sharing for one workspace folder (issue 13): the core's Sharing for that clone, plus what the
// editor adds around it. GitHub credentials are handed to git only after git's own (credential
// helpers, the SSH agent) failed to authenticate, and only for a remote on the GitHub host of
// asyncDesk.github.apiUrl. Branch texts are read in batches (every read in the same tick shares one
// `git cat-file --batch`) and cached by blob id, which never changes its content.
import type { ReadOutcome } from '../../core/shared/repoFiles';
import {
  mergeStandups,
  readBlobs,
  tokenConfig,
  type FetchReport,
  type NewPost,
  type PostResult,
  type QueuedPost,
  type Sharing,
  type SharingFailure,
  type SourcedStandup,
  type SyncReport,
} from '../../core/sharing';
import type { OneCommit } from '../../core/sharing/transport';
import type { SharedStandups, WaitingPost } from './api';
import { log } from '../shared/log';

/** A GitHub token for a remote URL, when one is available without asking (undefined otherwise). */
export type TokenFor = (remoteUrl: string) => Promise<string | undefined>;

const BLOB_CACHE_LIMIT = 5_000;

export class FolderSharing {
  private snapshotPromise: Promise<SharedStandups> | undefined;
  private usingToken = false;
  private readonly blobTexts = new Map<string, ReadOutcome>();
  private pendingBlobs = new Map<string, { file: string; waiters: ((r: ReadOutcome) => void)[] }>();
  private flushScheduled = false;
  lastSyncAt: Date | undefined;
  lastFailure: SharingFailure | undefined;
  readonly postedAt = new Map<string, Date>();
  private queued: QueuedPost[] = [];

  constructor(
    readonly sharing: Sharing,
    /** The workspace folder's path (git runs there). */
    private readonly root: string,
    private readonly tokenFor: TokenFor,
  ) {}

  /** The posts waiting in the queue as last read (refreshed with every snapshot). */
  waiting(): WaitingPost[] {
    return this.queued.map((q) => ({
      file: q.file,
      reason: q.conflict ? 'changed on another machine' : (q.failure?.reason ?? 'not posted yet'),
      message: q.conflict
        ? `${q.file} on the ${this.sharing.branch} branch was changed from another machine since you edited it. Post again to choose.`
        : (q.failure?.message ?? 'Saved in the editor; it goes out with the next Post or Sync.'),
      conflict: !!q.conflict,
    }));
  }

  /** Forget the cached listing (after anything that may have changed the branch or the queue). */
  invalidate(): void {
    this.snapshotPromise = undefined;
  }

  snapshot(standupsDir: string): Promise<SharedStandups> {
    this.snapshotPromise ??= (async () => {
      const [listing, queued] = await Promise.all([this.sharing.listing(), this.sharing.queued()]);
      this.queued = queued;
      for (const p of listing.problems) log().warn(`Sharing branch ${this.sharing.branch}: ${p.file}: ${p.message}`);
      const entries = mergeStandups(listing.standups, queued, [], standupsDir);
      const texts = new Map(queued.map((q) => [q.file, q.text]));
      return {
        entries,
        read: (entry: SourcedStandup): Promise<ReadOutcome> => {
          if (entry.source === 'queue') {
            const text = texts.get(entry.file);
            return Promise.resolve(text === undefined ? { ok: false, missing: true } : { ok: true, text });
          }
          return entry.blob ? this.readBlob(entry.file, entry.blob) : Promise.resolve({ ok: false, missing: true });
        },
      };
    })();
    // A failed listing (a git that broke) is not cached: the next read tries again.
    this.snapshotPromise.catch(() => (this.snapshotPromise = undefined));
    return this.snapshotPromise;
  }

  /** Any shared file's text (a standup or a weekly update): waiting in the queue, else on the branch as last fetched. */
  async currentText(file: string): Promise<{ text: string; source: 'queue' | 'branch' } | undefined> {
    const waiting = await this.sharing.queue.get(file);
    if (waiting) return { text: waiting.text, source: 'queue' };
    const listing = await this.sharing.listing();
    const found = listing.standups.find((e) => e.file === file) ?? listing.updates.find((e) => e.file === file);
    if (!found) return undefined;
    const read = await this.readBlob(file, found.blob);
    return read.ok ? { text: read.text, source: 'branch' } : undefined;
  }

  /** A branch file's text by blob id; reads asked for in the same tick go to git together. */
  readBlob(file: string, blob: string): Promise<ReadOutcome> {
    const cached = this.blobTexts.get(blob);
    if (cached) return Promise.resolve(cached);
    return new Promise((resolve) => {
      const pending = this.pendingBlobs.get(blob);
      if (pending) pending.waiters.push(resolve);
      else this.pendingBlobs.set(blob, { file, waiters: [resolve] });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => void this.flushBlobs());
      }
    });
  }

  private async flushBlobs(): Promise<void> {
    this.flushScheduled = false;
    const batch = this.pendingBlobs;
    this.pendingBlobs = new Map();
    let texts: Map<string, ReadOutcome>;
    try {
      // readBlobs keys its answers by file; blobs are unique here, so key the request by blob.
      texts = await readBlobs(
        this.sharing.git,
        this.root,
        [...batch].map(([blob]) => ({ file: blob, blob })),
      );
    } catch (error) {
      log().warn(`Reading posts from the ${this.sharing.branch} branch failed: ${(error as Error).message}`);
      texts = new Map();
    }
    if (this.blobTexts.size > BLOB_CACHE_LIMIT) this.blobTexts.clear();
    for (const [blob, { waiters }] of batch) {
      const text = texts.get(blob) ?? { ok: false, missing: true };
      if (texts.has(blob)) this.blobTexts.set(blob, text);
      for (const w of waiters) w(text);
    }
  }

  async post(post: NewPost): Promise<PostResult> {
    let result = await this.sharing.post(post);
    if (result.kind === 'queued' && (await this.retryWithToken(result.failure))) result = await this.sharing.post(post);
    this.afterOperation(result.kind === 'queued' ? result.failure : undefined, result.kind !== 'queued');
    if (result.kind === 'pushed' || result.kind === 'unchanged') this.postedAt.set(post.file, new Date());
    return result;
  }

  async enqueue(posts: readonly NewPost[]): Promise<void> {
    await this.sharing.enqueue(posts);
    this.invalidate();
  }

  async discard(file: string): Promise<void> {
    await this.sharing.discard(file);
    this.invalidate();
  }

  async sync(options: { oneCommit?: OneCommit } = {}): Promise<SyncReport> {
    let report = await this.sharing.sync(options);
    const authFailure = !report.fetch.ok ? report.fetch.failure : report.waiting.find((w) => w.failure?.kind === 'auth')?.failure;
    if (authFailure && (await this.retryWithToken(authFailure))) report = await this.sharing.sync(options);
    const failure = !report.fetch.ok ? report.fetch.failure : report.waiting.find((w) => w.failure && !w.conflict)?.failure;
    this.afterOperation(failure, report.fetch.ok);
    for (const file of report.pushed) this.postedAt.set(file, new Date());
    return report;
  }

  async fetch(): Promise<FetchReport> {
    let report = await this.sharing.fetch();
    if (!report.ok && (await this.retryWithToken(report.failure))) report = await this.sharing.fetch();
    this.afterOperation(report.ok ? undefined : report.failure, report.ok);
    return report;
  }

  private afterOperation(failure: SharingFailure | undefined, reached: boolean): void {
    this.invalidate();
    this.lastFailure = failure;
    if (reached) this.lastSyncAt = new Date();
    if (failure) log().warn(`Sharing (${this.sharing.branch}): ${failure.message}${failure.detail ? `\n${failure.detail}` : ''}`);
  }

  /** After an authentication failure with git's own credentials: use the GitHub sign-in once, if there is one for this remote. */
  private async retryWithToken(failure: SharingFailure): Promise<boolean> {
    if (failure.kind !== 'auth' || this.usingToken) return false;
    const token = await this.tokenFor(this.sharing.remoteUrl).catch(() => undefined);
    if (!token) return false;
    const config = tokenConfig(this.sharing.remoteUrl, token);
    if (config.length === 0) return false; // an SSH remote: the token is no use
    this.sharing.useCredentials(config, [token]);
    this.usingToken = true;
    log().info(`Sharing: git had no credentials for ${this.sharing.git.redact(this.sharing.remoteUrl)}; using your GitHub sign-in.`);
    return true;
  }
}
