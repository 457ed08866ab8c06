// Your GitHub status during a focus session (asyncDesk.focus.setGitHubStatus, off by default).
//
// At the start your status is read and kept, then set to busy with an end time and expiresAt =
// session end (GitHub clears it by itself even if VS Code is closed). At the end the previous one is
// put back, but only while GitHub still shows ours (or nothing, after it expired): a status you set
// yourself in between is left alone. A restore that fails (offline, Restricted Mode) stays pending in
// globalState and is retried. GitHub failures never block the session: a quiet warning and the log.
import * as vscode from 'vscode';
import { FOCUS_EMOJI, focusMessage, restoreStep, RESTORE_RETRY_MS, statusBeforeSession } from '../../core/focus';
import type { GitHubChange, GitHubOutcome, StoredSession } from '../../core/focus';
import { githubBundle, type GitHubAccess } from '../github/githubAccess';
import { errorMessage, showWithLog } from '../shared/errors';
import { log } from '../shared/log';
import type { FocusStorage } from './focusStorage';
import { getSettings } from '../shared/settings';

const setGitHubStatusEnabled = () => getSettings().focusSetGitHubStatus;

/** Runs fn after every earlier session change of this window (the controller's lock). */
export type Locked = <T>(fn: () => Promise<T>) => Promise<T>;

export class GitHubFocusStatus {
  private flushing: Promise<GitHubOutcome | undefined> | undefined;
  private lastFlush = 0;
  /** The session whose failed restore was shown once already (retries only log). */
  private warnedRestore: string | undefined;

  constructor(
    private readonly storage: FocusStorage,
    private readonly github: GitHubAccess,
    private readonly locked: Locked,
    private readonly now: () => number,
  ) {}

  /** A session started now would set your status (the quick pick says so). */
  willSetStatus(): boolean {
    return setGitHubStatusEnabled() && vscode.workspace.isTrusted;
  }

  private warn(message: string): void {
    log().warn(message);
    void showWithLog('warning', message);
  }

  /** Sets your status to busy until the session's end and records what to put back. */
  async start(session: StoredSession): Promise<GitHubOutcome> {
    if (!setGitHubStatusEnabled()) return { state: 'off' };
    if (!vscode.workspace.isTrusted) {
      log().info('Focus session: GitHub status not changed in Restricted Mode.');
      return { state: 'skipped', reason: 'Restricted Mode' };
    }
    try {
      const client = await this.github.client(['user'], { createIfNone: true });
      if (!client) throw new Error('not signed in to GitHub');
      const { getOwnStatus, setOwnStatus } = githubBundle();
      const { login, status } = await getOwnStatus(client);
      const { previous, dropPending } = statusBeforeSession(login, status, this.storage.pendingRestore());
      if (dropPending) await this.storage.setPendingRestore(undefined);
      const endsAt = Date.parse(session.endsAt);
      const message = focusMessage(endsAt, this.now(), session.zone);
      await setOwnStatus(client, { emoji: FOCUS_EMOJI, message, limitedAvailability: true, expiresAt: new Date(endsAt) });
      const change: GitHubChange = { login, previous, message };
      const stillRunning = await this.locked(async () => {
        const current = this.storage.session();
        if (current?.id === session.id) {
          await this.storage.setSession({ ...current, github: change } satisfies StoredSession);
          return true;
        }
        await this.storage.setPendingRestore({ sessionId: session.id, ...change }); // ended while we were talking to GitHub
        return false;
      });
      log().info(`Focus session: GitHub status of @${login} set to busy ("${message}").`);
      if (!stillRunning) return (await this.flushRestore()) ?? { state: 'restored' };
      return { state: 'set', message };
    } catch (error) {
      const text = errorMessage(error);
      this.warn(`Focus session started, but your GitHub status was not set: ${text}`);
      return { state: 'failed', error: text };
    }
  }

  /** Puts back the status saved before a session, if one is pending. One attempt at a time. */
  flushRestore(): Promise<GitHubOutcome | undefined> {
    this.flushing ??= this.restoreNow().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** On a clock tick: retries a pending restore, at most every RESTORE_RETRY_MS and only in a trusted workspace. */
  retryIfDue(now: number): void {
    if (this.storage.pendingRestore() && now - this.lastFlush >= RESTORE_RETRY_MS && vscode.workspace.isTrusted) void this.flushRestore();
  }

  private async restoreNow(): Promise<GitHubOutcome | undefined> {
    const pending = this.storage.pendingRestore();
    if (!pending) return undefined;
    if (!vscode.workspace.isTrusted) {
      log().info('Focus session: your previous GitHub status will be restored in a trusted workspace (no GitHub calls in Restricted Mode).');
      return { state: 'skipped', reason: 'Restricted Mode' };
    }
    this.lastFlush = this.now();
    const done = async (outcome: GitHubOutcome) => {
      if (this.storage.pendingRestore()?.sessionId === pending.sessionId) await this.storage.setPendingRestore(undefined);
      return outcome;
    };
    try {
      const client = await this.github.client(['user'], { createIfNone: false });
      if (!client) {
        this.warn('Your GitHub status from before the focus session was not restored: not signed in to GitHub.');
        return done({ state: 'failed', error: 'not signed in' });
      }
      const { getOwnStatus, restoreOwnStatus } = githubBundle();
      const { login, status } = await getOwnStatus(client);
      const step = restoreStep(pending, login, status);
      if (step.kind === 'other-login') {
        log().warn(`Focus session: signed in to GitHub as @${login}, not @${pending.login}; previous status not restored.`);
        return done({ state: 'kept', reason: `signed in as @${login}` });
      }
      if (step.kind === 'changed') {
        log().info('Focus session: your GitHub status changed during the session; left as it is.');
        return done({ state: 'kept', reason: 'changed since' });
      }
      if (step.write) await restoreOwnStatus(client, pending.previous, new Date(this.now()));
      log().info(`Focus session: GitHub status of @${login} restored.`);
      return done({ state: 'restored' });
    } catch (error) {
      const text = errorMessage(error);
      if (this.warnedRestore !== pending.sessionId) {
        this.warnedRestore = pending.sessionId;
        this.warn(`Your GitHub status from before the focus session was not restored yet (will retry): ${text}`);
      } else {
        log().warn(`Focus session: restoring the GitHub status failed again: ${text}`);
      }
      return { state: 'failed', error: text };
    }
  }
}
