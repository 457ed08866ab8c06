// The Today view (webview in the Async Desk container): your standup composer, the team's digest for
// a day, and the decisions that need attention. The host computes everything; the webview renders
// what it is sent and reports edits (see src/protocol/today.ts).
import * as vscode from 'vscode';
import type { HostToTodayMessage, TodaySharing, TodayState, TodayToHostMessage } from '../../protocol/today';
import type { SharingApi } from '../sharing/api';
import { todaySharing } from './todaySharing';
import type { IsoDate } from '../../protocol/shared';
import { addDays, dayLabel, localIsoDate } from '../../core/shared/dates';
import { teamDigestDay } from '../../core/standups';
import { sameContent } from '../../core/standups/composerModel';
import { decisionsSummary } from '../../core/decisions/summary';
import { webviewHtml } from '../shared/webviewHtml';
import { TODAY_CSS } from './todayStyles';
import { errorDetails, isCancelled, isExpectedError, reportError } from '../shared/errors';
import { getSettings } from '../shared/settings';
import { log } from '../shared/log';
import * as clock from '../shared/clock';
import type { DecisionStore, RecordRef } from '../decisions/decisionStore';
import type { TeamStore } from '../team/teamStore';
import type { StandupStore } from '../standups/standupStore';
import type { Composer } from '../standups/composer';
import { digestState } from '../standups/digestState';
import type { StandupsApi } from '../standups';
import type { DecisionsApi } from '../decisions/decisionCommands';

/** What the Today view reads (stores) and asks other features to do (their APIs). */
export interface TodayDeps {
  decisions: DecisionStore;
  standups: StandupStore;
  team: TeamStore;
  composer: Composer;
  standupsApi: StandupsApi;
  decisionsApi: DecisionsApi;
  sharing?: SharingApi;
}

export interface Today {
  provider: TodayViewProvider;
  /** "Write Today's Standup": the composer is in this view. */
  handlers: Record<'asyncDesk.standups.write', () => Promise<void>>;
}

export function registerTodayView(context: vscode.ExtensionContext, deps: TodayDeps): Today {
  const provider = new TodayViewProvider(context.extensionUri, deps);
  context.subscriptions.push(
    provider,
    vscode.window.registerWebviewViewProvider('asyncDesk.today', provider, { webviewOptions: { retainContextWhenHidden: false } }),
  );
  return {
    provider,
    handlers: {
      'asyncDesk.standups.write': async () => {
        await deps.standupsApi.meOrAsk();
        await provider.focusComposer();
      },
    },
  };
}

function recordId(ref: RecordRef): string {
  return `${ref.folder.root.toString()}#${ref.record.file}`;
}

export class TodayViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The digest's day: a date, 'today' (your today), or undefined: your today, or the team's last
   *  working day when nobody works today (both follow the clock). */
  private digestDate: IsoDate | 'today' | undefined;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private posting: Promise<void> = Promise.resolve();
  private lastState: TodayState | undefined;
  private readonly posted = new vscode.EventEmitter<HostToTodayMessage>();
  /** Each message as it is posted to the webview (the test hooks record them). */
  readonly onDidPost = this.posted.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly stores: TodayDeps,
  ) {
    this.subscriptions.push(
      stores.decisions.onDidChange(() => this.postSoon()),
      stores.standups.onDidChange(() => this.postSoon()),
      stores.team.onDidChange(() => this.postSoon()),
      vscode.workspace.onDidSaveTextDocument((d) => stores.standups.entryOf(d.uri) && this.postSoon()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.postSoon()),
      clock.onDidSetClock(() => this.postSoon()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('asyncDesk') && this.postSoon()),
      vscode.authentication.onDidChangeSessions(() => this.postSoon()),
    );
    if (stores.sharing) this.subscriptions.push(stores.sharing.onDidChange(() => this.sendSharingSoon()));
  }

  /** Where your post went and "Synced N min ago": sent on every sharing change and once a minute while visible. */
  private sharingTimer: ReturnType<typeof setInterval> | undefined;
  private sharingPending: ReturnType<typeof setTimeout> | undefined;

  private sendSharingSoon(): void {
    clearTimeout(this.sharingPending);
    this.sharingPending = setTimeout(() => void this.sendSharing(), 30);
  }

  private async sharingState(): Promise<TodaySharing> {
    const folder = this.stores.standups.home();
    if (!folder || !this.stores.sharing) return {};
    const me = await this.stores.composer.me();
    const date = this.lastState?.composer?.date;
    return todaySharing(this.stores.sharing.status(folder), me && date ? this.stores.composer.sharingLine(me, date) : undefined, Date.now());
  }

  private async sendSharing(): Promise<void> {
    if (!this.view?.visible) return;
    const sharing = await this.sharingState();
    if (this.lastState) this.lastState = { ...this.lastState, sharing };
    this.send({ type: 'sharing', sharing });
  }

  private onVisibility(visible: boolean): void {
    this.stores.sharing?.setVisible('today', visible);
    clearInterval(this.sharingTimer);
    this.sharingTimer = visible ? setInterval(() => void this.sendSharing(), 60_000) : undefined;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')] };
    view.webview.html = webviewHtml(view.webview, this.extensionUri, 'today', 'Today', TODAY_CSS);
    view.onDidDispose(
      () => {
        this.view = undefined;
        this.onVisibility(false);
      },
      undefined,
      this.subscriptions,
    );
    view.onDidChangeVisibility(
      () => {
        this.onVisibility(view.visible);
        if (view.visible) this.postSoon();
      },
      undefined,
      this.subscriptions,
    );
    this.onVisibility(view.visible);
    view.webview.onDidReceiveMessage((m: TodayToHostMessage) => this.handle(m), undefined, this.subscriptions);
  }

  /** Shows the view and puts the cursor in the composer. */
  async focusComposer(): Promise<void> {
    await vscode.commands.executeCommand('asyncDesk.today.focus');
    this.send({ type: 'focus' });
  }

  async handle(message: TodayToHostMessage): Promise<void> {
    const { composer } = this.stores;
    try {
      switch (message.type) {
        case 'ready':
          await this.post();
          break;
        case 'draftChanged': {
          const me = await composer.me();
          const saved = this.lastState?.composer;
          if (me && saved?.date === message.date) {
            const clean = sameContent(message.fields, saved.saved) && message.base === saved.revision;
            await composer.storeDraft(me, message.date, clean ? undefined : { fields: message.fields, base: message.base });
          }
          break;
        }
        case 'save': {
          const me = await composer.me();
          if (!me) return;
          try {
            const { revision } = await composer.save(me, message.date, message.fields, { base: message.base });
            this.send({ type: 'saved', ok: true, revision });
          } catch (error) {
            // The draft stays in the panel and in storage whatever happened.
            const text = isCancelled(error) ? 'Not saved: your draft is kept.' : `Not saved: ${(error as Error).message} Your draft is kept.`;
            this.send({ type: 'saved', ok: false, message: text });
            if (!isExpectedError(error)) log().error(`Saving the standup failed: ${(error as Error).stack}`);
          }
          await this.post();
          break;
        }
        case 'discardDraft': {
          const me = await composer.me();
          if (me) await composer.storeDraft(me, message.date, undefined);
          await this.post();
          break;
        }
        case 'openFile':
          await this.stores.standupsApi.openToday();
          break;
        case 'sync': {
          const folder = this.stores.standups.home();
          if (!folder || !this.stores.sharing) break;
          const sentence = await this.stores.sharing.sync(folder);
          void vscode.window.setStatusBarMessage(`$(sync) ${sentence}`, 6000);
          await this.post();
          break;
        }
        case 'setLogin':
          await composer.askLogin();
          await this.post();
          break;
        case 'digestDay': {
          const base = message.date === 'auto' ? undefined : message.date;
          this.digestDate = base && base !== 'today' && message.step ? addDays(base, message.step) : base;
          await this.post();
          break;
        }
        case 'openStandup': {
          const folder = this.stores.standups.home();
          if (!folder) break;
          // A post on the sharing branch opens from there; a working-tree file as a file.
          const entry = this.stores.standups.entries(folder).find((e) => e.file === message.file);
          await vscode.window.showTextDocument(entry?.uri ?? this.stores.standups.uriOf(folder, message.file), { preview: true });
          break;
        }
        case 'openBlockerIssue':
          await this.stores.standupsApi.openBlockerIssue({ login: message.login, text: message.text, date: message.date });
          break;
        case 'openRecord': {
          const ref = this.find(message.id);
          if (ref) await vscode.window.showTextDocument(ref.folder.uriOf(ref.record.file));
          break;
        }
        case 'acceptRecord': {
          const ref = this.find(message.id);
          if (ref) await this.stores.decisionsApi.setStatus(ref.folder.uriOf(ref.record.file), 'accepted');
          break;
        }
        case 'newRecord':
          await this.stores.decisionsApi.newRecord();
          break;
        case 'showDecisions':
          await vscode.commands.executeCommand('asyncDesk.decisions.focus');
          break;
      }
    } catch (error) {
      await reportError('Today view', error);
    }
  }

  private find(id: string): RecordRef | undefined {
    return this.stores.decisions.records().find((ref) => recordId(ref) === id);
  }

  private send(message: HostToTodayMessage): void {
    if (!this.view) return;
    void this.view.webview.postMessage(message);
    this.posted.fire(message);
  }

  private postSoon(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.post(), 50);
  }

  /**
   * Builds the state and sends it in two steps, one post at a time so states arrive in order: your
   * composer and the decisions first (the composer is interactive at once), then the team digest,
   * which reads a day of standups.
   */
  post(): Promise<void> {
    this.posting = this.posting.then(async () => {
      if (!this.view?.visible) return;
      try {
        const now = clock.now();
        const started = performance.now();
        const base = await this.baseState(now);
        const first: TodayState = { ...base.state, digest: this.lastState?.digest?.date === base.digestDate ? this.lastState.digest : null };
        this.lastState = first;
        this.send({ type: 'state', state: first });
        const composed = performance.now();
        const state: TodayState = { ...base.state, digest: await this.digest(now, base) };
        this.lastState = state;
        this.send({ type: 'state', state });
        log().trace(`Today view: composer in ${(composed - started).toFixed(1)} ms, digest in ${(performance.now() - composed).toFixed(1)} ms.`);
      } catch (error) {
        log().error(`Today view: ${errorDetails(error)}`);
      }
    });
    return this.posting;
  }

  private async baseState(now: Date) {
    const { composer, standups, decisions, team } = this.stores;
    const folder = standups.home();
    const [me] = await Promise.all([composer.me(), decisions.ready(), team.ready()]);
    const today = me ? composer.today(me, now) : localIsoDate(now);
    const staleBlockerDays = getSettings(folder).staleBlockerDays;
    const state: Omit<TodayState, 'digest'> = {
      trusted: vscode.workspace.isTrusted,
      noFolder: !folder,
      composer: me && folder ? await composer.state(me, today) : null,
      decisions: decisionsSummary(decisions, today, recordId),
      staleBlockerDays,
      sharing: {},
    };
    if (folder && this.stores.sharing)
      state.sharing = todaySharing(
        this.stores.sharing.status(folder),
        me && state.composer ? composer.sharingLine(me, state.composer.date) : undefined,
        Date.now(),
      );
    let digestDate = this.digestDate === 'today' || this.digestDate === undefined ? today : this.digestDate;
    let note: string | undefined;
    // Someone who posts on a day off (you, on a Sunday) sees that day: it has news.
    if (this.digestDate === undefined && !(folder && standups.hasDay(folder, today))) {
      const folderTeam = team.all().find((f) => f.workspaceFolder === folder);
      digestDate = teamDigestDay(today, folderTeam?.exists ? folderTeam.team : undefined);
      if (digestDate !== today) note = `Nobody on the team works on ${dayLabel(today)}: showing ${dayLabel(digestDate)}, the last working day.`;
    }
    return { state, me, folder, today, digestDate, note, staleBlockerDays };
  }

  private async digest(now: Date, base: Awaited<ReturnType<TodayViewProvider['baseState']>>) {
    if (!base.folder) return null;
    const { standups, team } = this.stores;
    return digestState({
      standups,
      team,
      folder: base.folder,
      date: base.digestDate,
      today: base.today,
      ...(base.note ? { note: base.note } : {}),
      now,
      ...(base.me ? { me: base.me.login } : {}),
      staleAfterWorkdays: base.staleBlockerDays,
    });
  }

  /** What the webview is sent now (undefined while the view is hidden). */
  async currentState(): Promise<TodayState | undefined> {
    await this.post();
    return this.lastState;
  }

  dispose(): void {
    clearTimeout(this.pending);
    clearTimeout(this.sharingPending);
    clearInterval(this.sharingTimer);
    this.posted.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
