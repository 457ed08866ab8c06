// Sharing over git for the whole window (SPEC §2.4, issue 13): one FolderSharing per workspace
// folder that is a clone with a remote, opened on first use and again when the team file's
// `sharing.branch` or the standups/records folder settings change. It runs the background fetch
// (while the Today or Standups view is visible: when one becomes visible, on window focus, then every
// asyncDesk.sharing.fetchMinutes, backing off after failures) and says where every folder stands.
// In Restricted Mode no git process is started.
import * as vscode from 'vscode';
import { openSharing, sharedFolders, type GitRunnerOptions, type SharedFolders } from '../../core/sharing';
import { fetchOnAttention, nextFetchDelay } from '../../core/sharing/fetchSchedule';
import { DEFAULT_SHARING_BRANCH } from '../../core/team';
import type { NotSharedKind, PostOutcome, SharedStandups, SharingApi, SharingStatus } from './api';
import { FolderSharing, type TokenFor } from './folderSharing';
import type { OneCommit } from '../../core/sharing/transport';
import { sharedUri } from './sharedUri';
import { errorDetails } from '../shared/errors';
import { log } from '../shared/log';
import { getSettings } from '../shared/settings';
import type { TeamStore } from '../team/teamStore';

type Opened = { kind: 'shared'; folder: FolderSharing } | { kind: 'not-shared'; why: NotSharedKind; message: string };

interface FolderState {
  /** What the folder was opened with: a change reopens it. */
  key: string;
  folders: SharedFolders;
  opened: Promise<Opened>;
  settled?: Opened;
  syncing: number;
}

export interface SharingHubDeps {
  team: TeamStore;
  /** The git binary VS Code's Git extension uses (else git from PATH). */
  gitPath: () => Promise<string | undefined>;
  tokenFor: TokenFor;
  /** Your login, when known (the author of a move commit). */
  me: () => Promise<string | undefined>;
  changed: vscode.EventEmitter<vscode.WorkspaceFolder | undefined>;
}

/** How long after the last save of a post (as a file) it is pushed, unless a Post or Sync comes first. */
export const SAVE_SYNC_DELAY_MS = 2 * 60_000;

const SHORT: Record<NotSharedKind, string> = {
  off: 'sharing is off',
  'not-a-repository': 'not a git repository',
  'no-remote': 'no remote',
  'no-git': 'git not found',
  restricted: 'Restricted Mode',
  'no-folder': 'no folder',
};

export class SharingHub implements SharingApi, vscode.Disposable {
  private readonly states = new Map<string, FolderState>();
  private readonly visible = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the next background fetch is due (epoch ms); undefined while no view shows posts. */
  private dueAt: number | undefined;
  private lastAttemptAt: number | undefined;
  private failures = 0;
  private readonly disposables: vscode.Disposable[] = [];
  /** Syncs scheduled after a post was saved as a file (one per folder, pushed back by each save). */
  private readonly syncAfterSave = new Map<string, ReturnType<typeof setTimeout>>();
  readonly onDidChange: vscode.Event<vscode.WorkspaceFolder | undefined>;

  constructor(private readonly deps: SharingHubDeps) {
    this.onDidChange = deps.changed.event;
    this.disposables.push(
      deps.team.onDidChange(() => this.reopenChanged()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('asyncDesk.standupsDir') || e.affectsConfiguration('asyncDesk.recordsDir')) this.reopenChanged();
        if (e.affectsConfiguration('asyncDesk.sharing.fetchMinutes')) this.schedule();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reopenChanged()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reopenChanged()),
      vscode.window.onDidChangeWindowState((s) => s.focused && this.onAttention()),
    );
  }

  // ---- SharingApi ----

  status(folder: vscode.WorkspaceFolder): SharingStatus {
    const state = this.states.get(folder.uri.toString());
    if (!vscode.workspace.isTrusted) return this.notShared('restricted', 'Not shared in Restricted Mode: trust this workspace to share standups over git.');
    if (!state) {
      void this.open(folder);
      return { kind: 'loading' };
    }
    const opened = state.settled;
    if (!opened) return { kind: 'loading' };
    if (opened.kind === 'not-shared') return this.notShared(opened.why, opened.message);
    const f = opened.folder;
    return {
      kind: 'shared',
      branch: f.sharing.branch,
      remote: f.sharing.remote,
      ...(f.lastSyncAt ? { lastSyncAt: f.lastSyncAt } : {}),
      ...(f.lastFailure ? { lastFailure: { reason: f.lastFailure.reason, message: f.lastFailure.message } } : {}),
      syncing: state.syncing > 0,
      waiting: f.waiting(),
      postedAt: f.postedAt,
    };
  }

  async shared(folder: vscode.WorkspaceFolder): Promise<SharedStandups | undefined> {
    const opened = await this.open(folder);
    if (opened.kind !== 'shared') return undefined;
    try {
      return await opened.folder.snapshot(this.stateOf(folder)!.folders.standupsDir);
    } catch (error) {
      log().error(`Reading the sharing branch of ${folder.name} failed: ${errorDetails(error)}`);
      return undefined;
    }
  }

  async currentText(folder: vscode.WorkspaceFolder, file: string): Promise<{ text: string; source: 'queue' | 'branch' } | undefined> {
    const opened = await this.open(folder);
    return opened.kind === 'shared' ? opened.folder.currentText(file) : undefined;
  }

  async post(folder: vscode.WorkspaceFolder, post: { file: string; text: string; author: string; base?: string | null }): Promise<PostOutcome> {
    const opened = await this.open(folder);
    if (opened.kind !== 'shared') return { kind: 'not-shared', why: opened.why, message: opened.message };
    return this.busy(folder, async () => {
      const base = post.base === undefined ? await opened.folder.sharing.baseOf(post.file) : post.base;
      const result = await opened.folder.post({ file: post.file, text: post.text, author: post.author, base });
      switch (result.kind) {
        case 'pushed':
        case 'unchanged':
          log().info(`Posted ${post.file} to ${opened.folder.sharing.branch}${result.kind === 'unchanged' ? ' (no change)' : ''}.`);
          return { kind: result.kind, file: post.file };
        case 'queued':
          return { kind: 'queued', file: post.file, reason: result.failure.reason, message: result.failure.message };
        case 'conflict': {
          const theirs = await opened.folder.readBlob(result.file, result.theirsBlob);
          return { kind: 'conflict', file: post.file, theirs: theirs.ok ? theirs.text : '', theirsBlob: result.theirsBlob };
        }
      }
    });
  }

  /** Queues without pushing (a file saved in the editor; "Move standups to the sharing branch"). */
  async enqueue(folder: vscode.WorkspaceFolder, posts: { file: string; text: string; author: string }[]): Promise<void> {
    const opened = await this.open(folder);
    if (opened.kind !== 'shared') throw new Error(opened.message);
    const withBase = await Promise.all(posts.map(async (p) => ({ ...p, base: await opened.folder.sharing.baseOf(p.file) })));
    await opened.folder.enqueue(withBase);
    this.deps.changed.fire(folder);
  }

  async discard(folder: vscode.WorkspaceFolder, file: string): Promise<void> {
    const opened = await this.open(folder);
    if (opened.kind !== 'shared') return;
    await opened.folder.discard(file);
    this.deps.changed.fire(folder);
  }

  async sync(folder: vscode.WorkspaceFolder, options: { oneCommit?: OneCommit } = {}): Promise<string> {
    clearTimeout(this.syncAfterSave.get(folder.uri.toString())); // this is that sync
    this.syncAfterSave.delete(folder.uri.toString());
    const opened = await this.open(folder);
    if (opened.kind !== 'shared') return opened.message;
    const report = await this.busy(folder, () => opened.folder.sync(options));
    this.noteAttempt(report.fetch.ok);
    const parts: string[] = [];
    if (report.pushed.length) parts.push(`pushed ${report.pushed.length}`);
    if (report.fetch.ok) parts.push(`fetched ${report.fetch.newPosts.length} new post${report.fetch.newPosts.length === 1 ? '' : 's'}`);
    else parts.push(`could not fetch: ${report.fetch.failure.reason}`);
    if (report.waiting.length) {
      const first = report.waiting[0]!;
      parts.push(`${report.waiting.length} waiting: ${first.conflict ? 'changed on another machine' : (first.failure?.reason ?? 'not posted yet')}`);
    }
    const sentence = parts.join(', ');
    log().info(`Sync of ${opened.folder.sharing.branch} (${folder.name}): ${sentence}.`);
    return sentence.charAt(0).toUpperCase() + sentence.slice(1);
  }

  /**
   * A post saved as a file goes out with the next sync; this makes sure there is one, SAVE_SYNC_DELAY_MS
   * after the last save (auto-save must not turn every pause in typing into a commit).
   */
  syncSoon(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    clearTimeout(this.syncAfterSave.get(key));
    this.syncAfterSave.set(
      key,
      setTimeout(() => {
        this.syncAfterSave.delete(key);
        this.sync(folder).catch((error: unknown) => log().warn(`Sync after a save failed: ${errorDetails(error)}`));
      }, SAVE_SYNC_DELAY_MS),
    );
  }

  setVisible(view: 'today' | 'standups', visible: boolean): void {
    const was = this.visible.size > 0;
    if (visible) this.visible.add(view);
    else this.visible.delete(view);
    if (visible) this.onAttention();
    else if (was && this.visible.size === 0) this.schedule();
  }

  uriOf(folder: vscode.WorkspaceFolder, file: string): vscode.Uri {
    return sharedUri(folder, file);
  }

  /** The FolderSharing of a folder once opened (the file system provider's way in). */
  async folderSharing(folder: vscode.WorkspaceFolder): Promise<FolderSharing | undefined> {
    const opened = await this.open(folder);
    return opened.kind === 'shared' ? opened.folder : undefined;
  }

  me(): Promise<string | undefined> {
    return this.deps.me();
  }

  sharedFoldersOf(folder: vscode.WorkspaceFolder): SharedFolders {
    return this.stateOf(folder)?.folders ?? this.configOf(folder).folders;
  }

  // ---- opening ----

  private configOf(folder: vscode.WorkspaceFolder): { branch: string; folders: SharedFolders; key: string } {
    const folderTeam = this.deps.team.all().find((f) => f.workspaceFolder === folder);
    const branch = folderTeam?.exists ? (folderTeam.team.sharing?.branch ?? DEFAULT_SHARING_BRANCH) : DEFAULT_SHARING_BRANCH;
    const settings = getSettings(folder);
    const folders = sharedFolders(settings.standupsDir, settings.recordsDir);
    return { branch, folders, key: JSON.stringify([branch, folders, vscode.workspace.isTrusted]) };
  }

  private stateOf(folder: vscode.WorkspaceFolder): FolderState | undefined {
    return this.states.get(folder.uri.toString());
  }

  private open(folder: vscode.WorkspaceFolder): Promise<Opened> {
    const existing = this.stateOf(folder);
    if (existing) return existing.opened;
    const { branch, folders, key } = this.configOf(folder);
    const state: FolderState = { key, folders, syncing: 0, opened: Promise.resolve({ kind: 'not-shared', why: 'no-folder', message: '' }) };
    state.opened = this.openFolder(folder, branch, folders).then((opened) => {
      state.settled = opened;
      this.deps.changed.fire(folder);
      if (opened.kind === 'shared') this.schedule();
      return opened;
    });
    this.states.set(folder.uri.toString(), state);
    return state.opened;
  }

  private async openFolder(folder: vscode.WorkspaceFolder, branch: string, folders: SharedFolders): Promise<Opened> {
    if (!vscode.workspace.isTrusted) return { kind: 'not-shared', why: 'restricted', message: 'Not shared in Restricted Mode.' };
    if (folder.uri.scheme !== 'file') return { kind: 'not-shared', why: 'no-folder', message: 'Not shared: the folder is not on this machine.' };
    await this.deps.team.ready();
    const gitPath = await this.deps.gitPath().catch(() => undefined);
    const git: GitRunnerOptions = { ...(gitPath ? { gitPath } : {}), log: (line) => log().trace(`git: ${line}`) };
    try {
      const opened = await openSharing({ root: folder.uri.fsPath, branch, folders, git });
      if (opened.kind === 'not-shared') {
        log().info(`Standups of ${folder.name} are not shared: ${opened.message}`);
        return { kind: 'not-shared', why: opened.reason, message: opened.message };
      }
      log().info(`Standups of ${folder.name} are shared on the ${branch} branch of ${opened.sharing.git.redact(opened.sharing.remoteUrl)}.`);
      return { kind: 'shared', folder: new FolderSharing(opened.sharing, folder.uri.fsPath, this.deps.tokenFor) };
    } catch (error) {
      log().error(`Opening sharing for ${folder.name} failed: ${errorDetails(error)}`);
      return { kind: 'not-shared', why: 'no-git', message: `Not shared: ${(error as Error).message}` };
    }
  }

  private reopenChanged(): void {
    for (const [uri, state] of this.states) {
      const folder = (vscode.workspace.workspaceFolders ?? []).find((f) => f.uri.toString() === uri);
      if (!folder || this.configOf(folder).key !== state.key) {
        this.states.delete(uri);
        this.deps.changed.fire(folder);
      }
    }
  }

  private notShared(why: NotSharedKind, message: string): SharingStatus {
    return { kind: 'not-shared', why, short: SHORT[why], message };
  }

  private async busy<T>(folder: vscode.WorkspaceFolder, work: () => Promise<T>): Promise<T> {
    const state = this.stateOf(folder);
    if (state) state.syncing++;
    this.deps.changed.fire(folder);
    try {
      return await work();
    } finally {
      if (state) state.syncing--;
      this.deps.changed.fire(folder);
    }
  }

  // ---- background fetch ----

  private onAttention(): void {
    if (this.visible.size === 0 || !vscode.workspace.isTrusted) return;
    if (fetchOnAttention(this.lastAttemptAt, Date.now(), this.failures, getSettings().sharingFetchMinutes)) void this.backgroundFetch();
    else this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dueAt = undefined;
    if (this.visible.size === 0 || !vscode.workspace.isTrusted) return; // never while both views are hidden
    const delay = nextFetchDelay(getSettings().sharingFetchMinutes, this.failures);
    const since = this.lastAttemptAt === undefined ? delay : Date.now() - this.lastAttemptAt;
    const wait = Math.max(0, delay - since);
    this.dueAt = Date.now() + wait;
    this.timer = setTimeout(() => void this.backgroundFetch(), wait);
  }

  private noteAttempt(ok: boolean): void {
    this.lastAttemptAt = Date.now();
    this.failures = ok ? 0 : this.failures + 1;
  }

  /** When the next background fetch is due (epoch ms), undefined when none is scheduled (both views hidden). */
  nextBackgroundFetch(): number | undefined {
    return this.dueAt;
  }

  /** Fetches every shared folder (and pushes what waits in its queue, which goes out "with the next sync"). */
  async backgroundFetch(): Promise<void> {
    clearTimeout(this.timer);
    this.dueAt = undefined;
    this.lastAttemptAt = Date.now();
    let ok = true;
    for (const folder of (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file')) {
      const opened = await this.open(folder);
      if (opened.kind !== 'shared') continue;
      try {
        // The queue on disk (the CLI may have queued posts since this window last looked).
        if ((await opened.folder.sharing.queued()).length > 0) {
          const report = await this.busy(folder, () => opened.folder.sync());
          ok &&= report.fetch.ok;
        } else {
          const report = await this.busy(folder, () => opened.folder.fetch());
          ok &&= report.ok;
          if (report.ok && report.newPosts.length) log().info(`Fetched ${report.newPosts.length} new post(s) from ${opened.folder.sharing.branch}.`);
        }
      } catch (error) {
        ok = false;
        log().warn(`Background fetch of ${folder.name} failed: ${errorDetails(error)}`);
      }
    }
    this.noteAttempt(ok);
    this.schedule();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const t of this.syncAfterSave.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
