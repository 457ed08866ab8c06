// Your own focus session: "Async Desk: Start Focus Session" / "End Focus Session", a status bar item
// with your local time (and during focus a countdown), VS Code's Do Not Disturb mode for the session,
// and optionally your GitHub status set to busy until the end.
//
// Persistence and windows. The session (id, start, end, zone, your previous GitHub status) lives in
// context.globalState, so a window reload (or another window) finds it: a running session resumes,
// an expired one is ended. Do Not Disturb is different: VS Code exposes no API to read it, and each
// window keeps its own copy in memory (read once from storage when the window starts, written back
// when toggled). So the window that turned it on records that in its workspaceState (OWNER_KEY) and
// is the only one that toggles it back; it does so whenever it sees its session is over: at the end,
// when another window ended it, or after a reload or reopening of that workspace. The marker is
// cleared BEFORE the toggle, so DND is never toggled twice (a crash in between leaves DND on rather
// than flipping a state we no longer know).
//
// Known limits (VS Code exposes no DND state):
//  - If you turned Do Not Disturb on yourself before starting, our toggle turns it OFF for the
//    session and back on at the end. Turn it off first, or toggle it back by hand.
//  - Toggling DND by hand during a session inverts what the end does.
//  - Windows that were already open when the session started keep their own DND state; windows
//    opened later start with DND on (VS Code reads the stored mode at start-up) until they reload.
//  - The session is restored when Async Desk activates, i.e. in workspaces it activates for
//    (a team file or decision records) or on the first Async Desk command.
//
// GitHub status (asyncDesk.focus.setGitHubStatus, off by default): at the start your status is read
// and kept, then set to busy with an end time and expiresAt = session end (GitHub clears it by itself
// even if VS Code is closed). At the end the previous one is put back, but only while GitHub still
// shows ours (or nothing, after it expired): a status you set yourself in between is left alone. A
// restore that fails (offline, Restricted Mode) stays pending in globalState and is retried. GitHub
// failures never block the session: a quiet warning and the log.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { OwnStatus } from '../../core/github';
import type { CommandId } from '../commandIds';
import { Cancelled, errorMessage, showWithLog, UserError } from '../shared/errors';
import { log } from '../shared/log';
import { githubBundle, type GitHubAccess } from '../github/githubAccess';
import type { TeamStore } from '../team/teamStore';
import { currentViewer } from '../team/viewer';
import { getSettings } from '../shared/settings';
import {
  PRESET_MINUTES,
  MINUTE_MS,
  countdownText,
  endFromArgs,
  endOfWorkingDay,
  endText,
  focusMessage,
  parseCustomLength,
  spokenDuration,
  wallClock,
} from '../../core/focus/focusTime';

export type FocusCommandId = Extract<CommandId, `asyncDesk.focus.${string}`>;

export interface StartArgs {
  minutes?: number;
  /** ISO 8601 end instant. */
  until?: string;
}

/** globalState: the running (or not yet ended) session. */
const SESSION_KEY = 'asyncDesk.focus.session';
/** globalState: a previous GitHub status still to be put back. */
const RESTORE_KEY = 'asyncDesk.focus.githubRestore';
/** workspaceState: this window started the session (and whether it turned DND on). */
const OWNER_KEY = 'asyncDesk.focus.owner';
const ACTIVE_CONTEXT = 'asyncDesk.focus.active';
export const DND_COMMAND = 'notifications.toggleDoNotDisturbMode';
export const FOCUS_EMOJI = ':no_bell:';
/** Another window ends an expired session only after this long (its owner window may be closed). */
const OWNER_GRACE_MS = 60_000;
/** A pending GitHub restore is retried at most this often. */
const RESTORE_RETRY_MS = 5 * MINUTE_MS;

export interface StoredSession {
  version: 1;
  id: string;
  startedAt: string;
  endsAt: string;
  /** Your zone when it started: the end time in messages is in it. */
  zone: string;
  /** The window that started it turned Do Not Disturb on (informative; OWNER_KEY decides). */
  dndToggled: boolean;
  /** Set once your GitHub status was changed for this session. */
  github?: GitHubChange;
}

export interface GitHubChange {
  login: string;
  /** Your status before the session (null: none). */
  previous: OwnStatus | null;
  /** The message we set, to recognise our status at the end. */
  message: string;
}

interface PendingRestore extends GitHubChange {
  sessionId: string;
}

interface OwnerMarker {
  sessionId: string;
  dnd: boolean;
}

export type GitHubOutcome =
  | { state: 'off' }
  | { state: 'skipped'; reason: string }
  | { state: 'set'; message: string }
  | { state: 'restored' }
  | { state: 'kept'; reason: string }
  | { state: 'failed'; error: string };

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
  statusBar: { name: string; text: string; tooltip: string; command: string | undefined; accessibilityLabel: string | undefined };
  alreadyRunning?: boolean;
  /** end: this window toggled Do Not Disturb back. */
  dndRestored?: boolean;
}

function isSession(value: unknown): value is StoredSession {
  const s = value as StoredSession | undefined;
  return !!s && s.version === 1 && typeof s.id === 'string' && typeof s.endsAt === 'string' && !Number.isNaN(Date.parse(s.endsAt));
}

const setGitHubStatusEnabled = () => vscode.workspace.getConfiguration('asyncDesk').get<boolean>('focus.setGitHubStatus', false);

export class FocusController implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The end of an expired session, while it runs. */
  private ending: Promise<unknown> | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private flushing: Promise<GitHubOutcome | undefined> | undefined;
  private lastFlush = 0;
  private warnedRestore: string | undefined;
  private activeContext: boolean | undefined;
  private suspended = false;
  private disposed = false;
  private dndToggles = 0;
  private lastGitHub: GitHubOutcome = { state: 'off' };

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly team: TeamStore,
    private readonly github: GitHubAccess,
    private readonly now: () => number = Date.now,
  ) {
    this.item = vscode.window.createStatusBarItem('asyncDesk.focus', vscode.StatusBarAlignment.Left, -100);
    this.item.name = 'Async Desk: Local Time and Focus Session';
    this.disposables.push(
      this.item,
      team.onDidChange(() => this.render()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('asyncDesk.me') && this.render()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.flushRestore()),
    );
    this.render();
    this.item.show();
  }

  // ---- state ----

  private stored(): StoredSession | undefined {
    const value = this.context.globalState.get<unknown>(SESSION_KEY);
    return isSession(value) ? value : undefined;
  }

  /** The stored session if it has not reached its end. */
  private running(): StoredSession | undefined {
    const s = this.stored();
    return s && Date.parse(s.endsAt) > this.now() ? s : undefined;
  }

  private owner(): OwnerMarker | undefined {
    return this.context.workspaceState.get<OwnerMarker>(OWNER_KEY);
  }

  private pending(): PendingRestore | undefined {
    return this.context.globalState.get<PendingRestore>(RESTORE_KEY);
  }

  /** Runs fn after every earlier state change of this window (start, end, resume never interleave). */
  private locked<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
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
      endsAt = await this.pickEnd(zone);
    }

    const started = await this.locked(async () => {
      if (this.running()) return undefined; // another start won the race
      // An earlier session that is over but not ended yet: end it properly first (GitHub restore
      // queued, DND given back), so the new one starts from your real state.
      await this.endLocked('expired');
      const id = randomBytes(8).toString('hex');
      // Toggle first, then record: a toggle is recorded only once it happened.
      const dnd = await this.toggleDnd('focus session started');
      const session: StoredSession = { version: 1, id, startedAt: new Date(this.now()).toISOString(), endsAt: new Date(endsAt).toISOString(), zone, dndToggled: dnd };
      await this.context.workspaceState.update(OWNER_KEY, { sessionId: id, dnd } satisfies OwnerMarker);
      await this.context.globalState.update(SESSION_KEY, session);
      log().info(`Focus session started until ${session.endsAt} (${zone}); Do Not Disturb ${dnd ? 'turned on' : 'not changed'}.`);
      this.lastGitHub = { state: 'off' };
      this.tick();
      return session;
    });
    if (!started) return { ...this.snapshot(), alreadyRunning: true };
    this.lastGitHub = await this.githubStart(started);
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
        void vscode.window.showInformationMessage(`Async Desk: Your focus session is over (${endText(Date.parse(result.session!.endsAt), this.now(), result.session!.zone)}).`);
      } else {
        void vscode.window.setStatusBarMessage('$(eye) Focus session ended', 4000);
      }
    }
    const restored = await this.flushRestore();
    if (restored) this.lastGitHub = restored;
    return { ...this.snapshot(), dndRestored: result.dndRestored };
  }

  /** Ends the stored session (running or expired): forget it, queue the GitHub restore, give DND back. Call locked. */
  private async endLocked(reason: 'user' | 'expired'): Promise<{ ended: boolean; dndRestored: boolean; session?: StoredSession }> {
    const session = this.stored();
    if (!session) return { ended: false, dndRestored: await this.reconcileDnd() };
    // Forget the session first: other windows stop showing it, and nothing can end it twice.
    await this.context.globalState.update(SESSION_KEY, undefined);
    if (session.github) await this.queueRestore({ sessionId: session.id, ...session.github });
    const dndRestored = await this.reconcileDnd();
    log().info(`Focus session ${reason === 'expired' ? 'over' : 'ended early'}; Do Not Disturb ${dndRestored ? 'turned off again' : 'not changed by this window'}.`);
    return { ended: true, dndRestored, session };
  }

  private async offerEnd(session: StoredSession): Promise<void> {
    const until = endText(Date.parse(session.endsAt), this.now(), session.zone);
    const choice = await vscode.window.showInformationMessage(`A focus session is running until ${until}.`, 'End Session');
    if (choice === 'End Session') await this.end('user');
  }

  /** The quick pick: presets, the end of your working day (when known and you are in it), custom. */
  private async pickEnd(zone: string): Promise<number> {
    type Item = vscode.QuickPickItem & { end: () => number | 'custom' };
    const now = this.now();
    const items: Item[] = PRESET_MINUTES.map((minutes) => ({
      label: `$(watch) ${minutes} minutes`,
      description: `until ${endText(now + minutes * MINUTE_MS, now, zone)}`,
      end: () => this.now() + minutes * MINUTE_MS,
    }));
    const me = getSettings().me;
    const ref = me ? this.team.find(me) : undefined;
    const dayEnd = endOfWorkingDay(ref?.member, ref?.folder.team, now);
    if (dayEnd !== null) {
      items.push({
        label: '$(calendar) Until the end of my working day',
        description: `until ${endText(dayEnd, now, zone)} · ${spokenDuration(dayEnd - now)}`,
        end: () => dayEnd,
      });
    }
    items.push({ label: '$(edit) Custom…', description: 'minutes, hours or an end time', end: () => 'custom' });
    const github = setGitHubStatusEnabled() && vscode.workspace.isTrusted;
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Start Focus Session',
      ignoreFocusOut: true, // a webview or notification taking focus must not close the choice
      placeHolder: `How long? Do Not Disturb stays on until the end${github ? '; your GitHub status shows you as busy' : ''}.`,
    });
    if (!picked) throw new Cancelled();
    const end = picked.end();
    if (end !== 'custom') return end;
    const text = await vscode.window.showInputBox({
      title: 'Start Focus Session',
      ignoreFocusOut: true, // a click elsewhere must not throw away what was typed
      prompt: `Minutes (45), hours (1h30) or an end time in ${zone} (15:30)`,
      placeHolder: '45',
      validateInput: (value) => {
        const parsed = parseCustomLength(value, this.now(), zone);
        return 'error' in parsed ? parsed.error : undefined;
      },
    });
    if (text === undefined) throw new Cancelled();
    const parsed = parseCustomLength(text, this.now(), zone);
    if ('error' in parsed) throw new UserError(parsed.error);
    return parsed.endsAt;
  }

  // ---- Do Not Disturb ----

  private async toggleDnd(why: string): Promise<boolean> {
    try {
      await vscode.commands.executeCommand(DND_COMMAND);
      this.dndToggles++;
      log().info(`Do Not Disturb toggled (${why}).`);
      return true;
    } catch (error) {
      log().warn(`Could not toggle Do Not Disturb (${why}): ${errorMessage(error)}`);
      return false;
    }
  }

  /** Gives DND back when this window turned it on for a session that is no longer running. Call locked. */
  private async reconcileDnd(): Promise<boolean> {
    const marker = this.owner();
    if (!marker) return false;
    const running = this.running();
    if (running?.id === marker.sessionId) return false;
    // Expired but not yet ended (e.g. found on activation): end() handles the rest of it.
    await this.context.workspaceState.update(OWNER_KEY, undefined); // before the toggle: never twice
    return marker.dnd ? this.toggleDnd('focus session over') : false;
  }

  // ---- GitHub status ----

  private warn(message: string): void {
    log().warn(message);
    void showWithLog('warning', message);
  }

  private async githubStart(session: StoredSession): Promise<GitHubOutcome> {
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
      let previous = status;
      // An earlier session's status that could not be restored yet: its previous status is the real one.
      const pending = this.pending();
      if (pending && pending.login.toLowerCase() === login.toLowerCase()) {
        if (!status || status.message === pending.message) previous = pending.previous;
        await this.context.globalState.update(RESTORE_KEY, undefined);
      }
      const endsAt = Date.parse(session.endsAt);
      const message = focusMessage(endsAt, this.now(), session.zone);
      await setOwnStatus(client, { emoji: FOCUS_EMOJI, message, limitedAvailability: true, expiresAt: new Date(endsAt) });
      const change: GitHubChange = { login, previous, message };
      const stillRunning = await this.locked(async () => {
        const current = this.stored();
        if (current?.id === session.id) {
          await this.context.globalState.update(SESSION_KEY, { ...current, github: change } satisfies StoredSession);
          return true;
        }
        await this.queueRestore({ sessionId: session.id, ...change }); // ended while we were talking to GitHub
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

  private async queueRestore(restore: PendingRestore): Promise<void> {
    await this.context.globalState.update(RESTORE_KEY, restore);
  }

  /** Puts back the status saved before a session, if one is pending. One attempt at a time. */
  private flushRestore(): Promise<GitHubOutcome | undefined> {
    this.flushing ??= this.restoreNow().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async restoreNow(): Promise<GitHubOutcome | undefined> {
    const pending = this.pending();
    if (!pending) return undefined;
    if (!vscode.workspace.isTrusted) {
      log().info('Focus session: your previous GitHub status will be restored in a trusted workspace (no GitHub calls in Restricted Mode).');
      return { state: 'skipped', reason: 'Restricted Mode' };
    }
    this.lastFlush = this.now();
    const done = async (outcome: GitHubOutcome) => {
      if (this.pending()?.sessionId === pending.sessionId) await this.context.globalState.update(RESTORE_KEY, undefined);
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
      if (login.toLowerCase() !== pending.login.toLowerCase()) {
        log().warn(`Focus session: signed in to GitHub as @${login}, not @${pending.login}; previous status not restored.`);
        return done({ state: 'kept', reason: `signed in as @${login}` });
      }
      // Ours still shows, or nothing (ours expired at the end): put back the previous one. Anything
      // else is a status you set since; it stays.
      if (status && status.message !== pending.message) {
        log().info('Focus session: your GitHub status changed during the session; left as it is.');
        return done({ state: 'kept', reason: 'changed since' });
      }
      if (status || pending.previous) await restoreOwnStatus(client, pending.previous, new Date(this.now()));
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

  // ---- clock, countdown, expiry ----

  /** Activation (and after a simulated reload): resume a running session, end an expired one. */
  resume(): Promise<void> {
    this.suspended = false;
    // tick() ends an expired session of this window (DND back, GitHub restore) and gives DND back
    // for one that another window ended meanwhile.
    return this.locked(async () => this.tick()).then(async () => {
      await this.ending;
      const r = await this.flushRestore();
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
    const session = this.stored();
    const marker = this.owner();
    if (session && Date.parse(session.endsAt) <= now && (marker?.sessionId === session.id || now - Date.parse(session.endsAt) >= OWNER_GRACE_MS)) {
      this.render();
      this.ending = this.end('expired').catch((error) => {
        log().error(`Focus session: ending failed: ${errorMessage(error)}`);
        this.timer = setTimeout(() => this.tick(), 60_000);
      });
      return; // end() ticks again
    }
    // Our session is over but someone else ended it (another window, or it was replaced).
    if (marker && this.running()?.id !== marker.sessionId) void this.locked(() => this.reconcileDnd());
    if (this.pending() && now - this.lastFlush >= RESTORE_RETRY_MS && vscode.workspace.isTrusted) void this.flushRestore();
    this.render();
    const running = this.running();
    // Each second only while a session runs; otherwise at the next minute boundary (every zone's
    // offset is whole minutes, so UTC minute boundaries are local ones).
    const delay = running ? ((Date.parse(running.endsAt) - now) % 1000 || 1000) : 60_000 - (now % 60_000);
    this.timer = setTimeout(() => this.tick(), delay + 15);
  }

  private render(): void {
    if (this.disposed) return;
    const now = this.now();
    const session = this.running();
    const zone = currentViewer(this.team).zone;
    if (session) {
      const endsAt = Date.parse(session.endsAt);
      const left = endsAt - now;
      const until = `${endText(endsAt, now, session.zone)} (${session.zone})`;
      const mine = this.owner()?.sessionId === session.id;
      const lines = [`Focus session until ${until}: ${spokenDuration(left)} left.`];
      if (mine) lines.push(session.dndToggled ? 'Do Not Disturb is on in this window until then.' : 'Do Not Disturb was not changed.');
      else lines.push('Started in another window; Do Not Disturb is managed there.');
      if (session.github) lines.push(`GitHub status: busy, "${session.github.message}".`);
      else if (this.lastGitHub.state === 'failed') lines.push(`GitHub status not set: ${this.lastGitHub.error}`);
      else if (this.lastGitHub.state === 'skipped') lines.push(`GitHub status not set (${this.lastGitHub.reason}).`);
      lines.push('', 'Click to end the session.');
      this.item.text = `$(eye-closed) Focus ${countdownText(left)} left`;
      this.item.tooltip = lines.join('\n');
      this.item.command = { command: 'asyncDesk.focus.end', title: 'End Focus Session' };
      this.item.accessibilityInformation = { label: `Focus session, ${spokenDuration(left)} left, until ${until}. Activate to end it.`, role: 'button' };
    } else {
      const clock = wallClock(now, zone);
      this.item.text = `$(clock) ${clock.time}`;
      this.item.tooltip = `Your local time: ${clock.time} ${clock.weekday} (${zone})\n\nClick to start a focus session.`;
      this.item.command = { command: 'asyncDesk.focus.start', title: 'Start Focus Session' };
      this.item.accessibilityInformation = { label: `Local time ${clock.time} ${clock.weekday}, ${zone}. Activate to start a focus session.`, role: 'button' };
    }
    const active = !!session;
    if (active !== this.activeContext) {
      this.activeContext = active;
      void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT, active);
    }
  }

  snapshot(): FocusSnapshot {
    const tooltip = this.item.tooltip;
    return {
      active: !!this.running(),
      session: this.stored() ?? null,
      owner: this.owner() ?? null,
      pendingGitHubRestore: this.pending() ?? null,
      dndToggles: this.dndToggles,
      github: this.lastGitHub,
      statusBar: {
        name: this.item.name ?? '',
        text: this.item.text,
        tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''),
        command: typeof this.item.command === 'string' ? this.item.command : this.item.command?.command,
        accessibilityLabel: this.item.accessibilityInformation?.label,
      },
    };
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const d of this.disposables) d.dispose();
  }
}

export function registerFocus(
  context: vscode.ExtensionContext,
  team: TeamStore,
  github: GitHubAccess,
): { controller: FocusController; handlers: Record<FocusCommandId, (...args: any[]) => unknown> } {
  const controller = new FocusController(context, team, github);
  context.subscriptions.push(
    controller,
    // For the integration tests; not contributed, so not in the palette. A real reload cannot happen
    // inside a test run: suspend + resume do to this object what a reload does to the extension.
    vscode.commands.registerCommand('asyncDesk.focus.snapshotForTests', () => controller.snapshot()),
    vscode.commands.registerCommand('asyncDesk.focus.suspendForTests', () => controller.suspend()),
    vscode.commands.registerCommand('asyncDesk.focus.resumeForTests', async () => {
      await controller.resume();
      return controller.snapshot();
    }),
  );
  void controller.resume().catch((error) => log().error(`Focus session: resuming failed: ${errorMessage(error)}`));
  return {
    controller,
    handlers: {
      'asyncDesk.focus.start': (args?: StartArgs) => controller.start(args),
      'asyncDesk.focus.end': () => controller.end('user'),
    },
  };
}
