// Teammates' GitHub status for the Team view: one batched GraphQL query for all members, refreshed
// by the core StatusPoller only while the view is visible and only when the user turned it on
// (asyncDesk.team.githubStatus). Failures are a quiet message on the view, never a modal.
// A team-file change fetches again only when it changes who is in the team, and only while the view
// is visible (else when it shows again): typing in the team file sends no requests.
import * as vscode from 'vscode';
import type { GitHubStatus } from '../../core/team';
import type { StatusPoller } from '../../core/github/poller';
import { affectsSettings, getSettings, SETTINGS_READ_BY, updateUserSetting } from '../shared/settings';
import { log } from '../shared/log';
import { githubBundle, type GitHubAccess } from '../github/githubAccess';
import type { StatusSource } from './teamTree';
import type { TeamStore } from './teamStore';

type Statuses = Map<string, GitHubStatus>;

export class TeamStatusSource implements StatusSource, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private poller: StatusPoller<Statuses> | undefined;
  private visible = false;
  private current: Statuses = new Map();
  /** The logins of the last request (lower case, sorted), to tell when the team changed. */
  private fetchedLogins: string | undefined;
  /** A one-line problem for the view's message, or undefined. */
  problem: string | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly store: TeamStore,
    private readonly github: GitHubAccess,
  ) {
    this.disposables = [
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Only when what the poller was made with changed (enable() may already have started it).
        if (affectsSettings(e, SETTINGS_READ_BY.statusPolling) && this.pollerSettings() !== this.startedWith) this.restart();
      }),
      github.onDidChange(() => this.restart()),
      store.onDidChange(() => this.teamChanged()),
    ];
  }

  statuses(): Statuses {
    return this.current;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.ensurePoller()?.setActive(visible);
    if (visible) this.teamChanged();
  }

  /** New members (or fewer): their statuses now if the view is visible; the poller joins or waits out a rate limit. */
  private teamChanged(): void {
    if (this.visible && this.poller && this.fetchedLogins !== undefined && this.fetchedLogins !== this.loginKey()) void this.poller.refresh();
  }

  private loginKey(): string {
    return [...new Set(this.store.members().map((m) => m.member.github.toLowerCase()))].sort().join(' ');
  }

  /** Turns the feature on (setting) and asks for a GitHub sign-in; the poller starts from there. */
  async enable(): Promise<void> {
    // Sign in first, then turn the setting on: the poller starts once, signed in, instead of failing
    // a request before the sign-in and restarting after it.
    const client = await this.github.client([], { createIfNone: true });
    if (!client) throw new Error('Not signed in to GitHub.');
    if (!getSettings().teamGithubStatus) await updateUserSetting('team.githubStatus', true);
    // The settings event may come later and find nothing to restart: start (or keep) polling here.
    const poller = this.ensurePoller();
    poller?.setActive(this.visible);
    await poller?.refresh(); // joins the fetch the start may have begun
  }

  /** Whether the poller runs and when it fetches next (tests). */
  polling(): { active: boolean; nextRunAt: number | undefined } {
    return { active: this.poller?.isActive ?? false, nextRunAt: this.poller?.nextRunAt };
  }

  /** Fetches now (tests and the Refresh command). */
  async refresh(): Promise<void> {
    await this.ensurePoller()?.refresh();
  }

  /** The settings a poller depends on, to tell whether a settings change concerns it. */
  private pollerSettings(): string {
    const settings = getSettings();
    return JSON.stringify([settings.teamGithubStatus, settings.teamStatusRefreshMinutes, settings.githubApiUrl]);
  }

  private startedWith: string | undefined;

  private restart(): void {
    this.poller?.dispose();
    this.poller = undefined;
    this.startedWith = this.pollerSettings();
    if (!getSettings().teamGithubStatus) {
      this.current = new Map();
      this.problem = undefined;
      this.changed.fire();
      return;
    }
    this.ensurePoller()?.setActive(this.visible);
  }

  private ensurePoller(): StatusPoller<Statuses> | undefined {
    if (this.poller || !getSettings().teamGithubStatus || !vscode.workspace.isTrusted) return this.poller;
    const { StatusPoller, fetchStatuses, GitHubError } = githubBundle();
    this.startedWith = this.pollerSettings();
    this.poller = new StatusPoller<Statuses>({
      intervalMs: getSettings().teamStatusRefreshMinutes * 60_000,
      timers: { setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>), now: () => Date.now() },
      fetch: async () => {
        const client = await this.github.client([], { createIfNone: false });
        // An auth error, said as is (a plain Error would read "Something went wrong talking to GitHub").
        if (!client) throw new GitHubError('auth', 'Not signed in to GitHub: run "Async Desk: Show Teammates\' GitHub Status" to sign in.');
        const logins = [...new Set(this.store.members().map((m) => m.member.github))];
        this.fetchedLogins = this.loginKey();
        const fetched = await fetchStatuses(client, logins);
        const statuses: Statuses = new Map();
        for (const [login, status] of fetched) {
          if (status)
            statuses.set(login.toLowerCase(), {
              busy: status.busy,
              emoji: status.emoji ?? undefined,
              message: status.message ?? undefined,
              expiresAt: status.expiresAt,
            });
        }
        return statuses;
      },
      onUpdate: (snapshot) => {
        if (snapshot.value) this.current = snapshot.value;
        this.problem = snapshot.lastError ? `GitHub status not updated: ${snapshot.lastError.message}` : undefined;
        if (snapshot.lastError) log().warn(this.problem!);
        this.changed.fire();
      },
    });
    return this.poller;
  }

  dispose(): void {
    this.poller?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
