// Your own focus session: "Async Desk: Start Focus Session" / "End Focus Session", and the clock that
// counts it down and ends it. This file holds the session's life (start, end, resume after a reload,
// expiry) and the order things happen in; Do Not Disturb, the GitHub status, the status bar item,
// storage and the length prompt each have their own file in this folder.
//
// Persistence and windows. The session (id, start, end, zone, your previous GitHub status) lives in
// globalState (focusStorage.ts), so a window reload (or another window) finds it: a running session
// resumes, an expired one is ended. The session is restored when Async Desk activates, i.e. in
// workspaces it activates for (a team file or decision records) or on the first Async Desk command.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { clockView, dueToEnd, endFromArgs, endText, newSession, nextTickDelay, runningAt, sessionView } from '../../core/focus';
import type { GitHubOutcome, OwnerMarker, PendingRestore, StoredSession } from '../../core/focus';
import type { GitHubAccess } from '../github/githubAccess';
import { errorMessage, UserError } from '../shared/errors';
import { log } from '../shared/log';
import type { TeamStore } from '../team/teamStore';
import { currentViewer } from '../team/viewer';
import type { StartArgs } from './api';
import { DoNotDisturb } from './doNotDisturb';
import { pickSessionEnd } from './focusPicker';
import { FocusStatusBar, type StatusBarState } from './focusStatusBar';
import { FocusStorage } from './focusStorage';
import { GitHubFocusStatus } from './githubFocusStatus';

const ACTIVE_CONTEXT = 'asyncDesk.focus.active';

/** What start, end and the test commands return: the state as stored, and the status bar as shown. */
export interface FocusSnapshot {
  active: boolean;
  session: StoredSession | null;
  owner: OwnerMarker | null;
  pendingGitHubRestore: PendingRestore | null;
  /** Times this window executed notifications.toggleDoNotDisturbMode since activation. */
  dndToggles: number;
  /** Outcome of the last GitHub step (start or restore) in this window. */
  github: GitHubOutcome;
  statusBar: StatusBarState;
  alreadyRunning?: boolean;
  /** end: this window toggled Do Not Disturb back. */
  dndRestored?: boolean;
}

export class FocusController implements vscode.Disposable {
  private readonly storage: FocusStorage;
  private readonly dnd: DoNotDisturb;
  private readonly gitHub: GitHubFocusStatus;
  private readonly statusBar = new FocusStatusBar();
  private readonly changed = new vscode.EventEmitter<boolean>();
  /** Fires with inSession() when this window sees a session start or end. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The end of an expired session, while it runs. */
  private ending: Promise<unknown> | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private activeContext: boolean | undefined;
  private suspended = false;
  private disposed = false;
  private lastGitHub: GitHubOutcome = { state: 'off' };

  constructor(
    context: vscode.ExtensionContext,
    private readonly team: TeamStore,
    github: GitHubAccess,
    private readonly now: () => number = Date.now,
  ) {
    this.storage = new FocusStorage(context);
    this.dnd = new DoNotDisturb(this.storage);
    this.gitHub = new GitHubFocusStatus(this.storage, github, (fn) => this.locked(fn), now);
    this.disposables.push(
      this.statusBar,
      team.onDidChange(() => this.render()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('asyncDesk.me') && this.render()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.gitHub.flushRestore()),
      this.changed,
    );
    this.render();
    this.statusBar.show();
  }

  /** A session is running now (started in this window or another). */
  inSession(): boolean {
    return !!this.running();
  }

  /** The stored session if it has not reached its end. */
  private running(): StoredSession | undefined {
    return runningAt(this.storage.session(), this.now());
  }

  /** Runs fn after every earlier state change of this window (start, end, resume never interleave). */
  private locked<T>(fn: () => T | PromiseLike<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Gives DND back if this window turned it on for a session that is no longer running. Call locked. */
  private reconcileDnd(): Promise<boolean> {
    return this.dnd.reconcile(this.running()?.id);
  }

  // ---- commands ----

  async start(args?: StartArgs): Promise<FocusSnapshot> {
    await this.team.ready();
    const existing = this.running();
    if (existing) {
      if (!args) void this.offerEnd(existing);
      return { ...this.snapshot(), alreadyRunning: true };
    }
    const zone = currentViewer(this.team).zone;
    let endsAt: number;
    if (args && (args.minutes !== undefined || args.until !== undefined)) {
      try {
        endsAt = endFromArgs(args, this.now());
      } catch (error) {
        throw new UserError(`Focus session not started: ${errorMessage(error)}`);
      }
    } else {
      endsAt = await pickSessionEnd(this.team, zone, this.now, this.gitHub.willSetStatus());
    }

    const started = await this.locked(async () => {
      if (this.running()) return undefined; // another start won the race
      // An earlier session that is over but not ended yet: end it properly first (GitHub restore
      // queued, DND given back), so the new one starts from your real state.
      await this.endLocked('expired');
      const id = randomBytes(8).toString('hex');
      // Toggle first, then record: a toggle is recorded only once it happened.
      const dnd = await this.dnd.toggle('focus session started');
      const session = newSession(id, this.now(), endsAt, zone, dnd);
      await this.dnd.claim(id, dnd);
      await this.storage.setSession(session);
      log().info(`Focus session started until ${session.endsAt} (${zone}); Do Not Disturb ${dnd ? 'turned on' : 'not changed'}.`);
      this.lastGitHub = { state: 'off' };
      this.tick();
      return session;
    });
    if (!started) return { ...this.snapshot(), alreadyRunning: true };
    this.lastGitHub = await this.gitHub.start(started);
    this.render();
    return this.snapshot();
  }

  async end(reason: 'user' | 'expired' = 'user'): Promise<FocusSnapshot> {
    const result = await this.locked(async () => {
      const r = await this.endLocked(reason);
      this.tick();
      if (!r.ended && reason === 'user' && !r.dndRestored) void vscode.window.setStatusBarMessage('No focus session is running.', 4000);
      return r;
    });
    if (result.ended) {
      if (reason === 'expired' && result.dndRestored) {
        const { endsAt, zone } = result.session!;
        void vscode.window.showInformationMessage(`Async Desk: Your focus session is over (${endText(Date.parse(endsAt), this.now(), zone)}).`);
      } else {
        void vscode.window.setStatusBarMessage('$(eye) Focus session ended', 4000);
      }
    }
    const restored = await this.gitHub.flushRestore();
    if (restored) this.lastGitHub = restored;
    return { ...this.snapshot(), dndRestored: result.dndRestored };
  }

  /** Ends the stored session (running or expired): forget it, queue the GitHub restore, give DND back. Call locked. */
  private async endLocked(reason: 'user' | 'expired'): Promise<{ ended: boolean; dndRestored: boolean; session?: StoredSession }> {
    const session = this.storage.session();
    if (!session) return { ended: false, dndRestored: await this.reconcileDnd() };
    // Forget the session first: other windows stop showing it, and nothing can end it twice.
    await this.storage.setSession(undefined);
    if (session.github) await this.storage.setPendingRestore({ sessionId: session.id, ...session.github });
    const dndRestored = await this.reconcileDnd();
    const dndText = dndRestored ? 'turned off again' : 'not changed by this window';
    log().info(`Focus session ${reason === 'expired' ? 'over' : 'ended early'}; Do Not Disturb ${dndText}.`);
    return { ended: true, dndRestored, session };
  }

  private async offerEnd(session: StoredSession): Promise<void> {
    const until = endText(Date.parse(session.endsAt), this.now(), session.zone);
    const choice = await vscode.window.showInformationMessage(`A focus session is running until ${until}.`, 'End Session');
    if (choice === 'End Session') await this.end('user');
  }

  // ---- clock, countdown, expiry ----

  /** Activation (and after a simulated reload): resume a running session, end an expired one. */
  resume(): Promise<void> {
    this.suspended = false;
    // tick() ends an expired session of this window (DND back, GitHub restore) and gives DND back
    // for one that another window ended meanwhile.
    return this.locked(() => this.tick()).then(async () => {
      await this.ending;
      const r = await this.gitHub.flushRestore();
      if (r) this.lastGitHub = r;
    });
  }

  /** Stops timers and forgets nothing persisted: what a window reload does to this object. */
  suspend(): void {
    this.suspended = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Renders, ends an expired session (its window at once, others after a grace period), schedules the next tick. */
  private tick(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.disposed || this.suspended) return;
    const now = this.now();
    const marker = this.storage.owner();
    if (dueToEnd(this.storage.session(), marker?.sessionId, now)) {
      this.render();
      this.ending = this.end('expired').catch((error) => {
        log().error(`Focus session: ending failed: ${errorMessage(error)}`);
        this.timer = setTimeout(() => this.tick(), 60_000);
      });
      return; // end() ticks again
    }
    // Our session is over but someone else ended it (another window, or it was replaced).
    if (marker && this.running()?.id !== marker.sessionId) void this.locked(() => this.reconcileDnd());
    this.gitHub.retryIfDue(now);
    this.render();
    this.timer = setTimeout(() => this.tick(), nextTickDelay(this.running(), now));
  }

  private render(): void {
    if (this.disposed) return;
    const now = this.now();
    const session = this.running();
    this.statusBar.update(session ? sessionView(session, now, this.dnd.owns(session.id), this.lastGitHub) : clockView(now, currentViewer(this.team).zone));
    const active = !!session;
    if (active !== this.activeContext) {
      this.activeContext = active;
      void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT, active);
      this.changed.fire(active);
    }
  }

  snapshot(): FocusSnapshot {
    return {
      active: this.inSession(),
      session: this.storage.session() ?? null,
      owner: this.storage.owner() ?? null,
      pendingGitHubRestore: this.storage.pendingRestore() ?? null,
      dndToggles: this.dnd.toggles,
      github: this.lastGitHub,
      statusBar: this.statusBar.state(),
    };
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const d of this.disposables) d.dispose();
  }
}
