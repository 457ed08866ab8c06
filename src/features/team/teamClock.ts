// The Team Clock: a webview panel with a 24-hour grid of one day in the viewer's zone, one row per
// teammate, the shared overlap band, a now-line and a day picker. The host computes everything
// (teamClockState.ts) and sends it as data; the webview (webview-ui/teamClock) only lays it out with
// DOM APIs and textContent. Styles: teamClockStyles.ts.
import * as vscode from 'vscode';
import type { HostToTeamClockMessage, TeamClockToHostMessage } from '../../protocol/teamClock';
import { dayNumber, MINUTE } from '../../core/team/zone';
import { addDays } from '../../core/shared/dates';
import { teamClockState, viewerToday } from './teamClockState';
import { TEAM_CLOCK_CSS } from './teamClockStyles';
import { reportError, UserError } from '../shared/errors';
import { webviewHtml } from '../shared/webviewHtml';
import type { TeamStore } from './teamStore';
import { currentViewer } from './viewer';

let current: TeamClockPanel | undefined;

/**
 * Opens the Team Clock (or reveals the open one) on `date` ('YYYY-MM-DD' in the viewer's zone;
 * default: today, following the clock past midnight). `now` is the Team view's clock, so a fixed test
 * clock applies here too.
 */
export async function showTeamClock(context: vscode.ExtensionContext, store: TeamStore, now: () => Date, date?: string): Promise<vscode.WebviewPanel> {
  // Menus may pass a tree node or a Uri: only a string is a date.
  const picked = typeof date === 'string' && date.trim() !== '' ? date.trim() : undefined;
  if (picked !== undefined && dayNumber(picked) === null) throw new UserError(`"${picked}" is not a date (YYYY-MM-DD).`);
  if (current) {
    current.setClock(now);
    if (picked) current.select(picked);
    current.panel.reveal(undefined, false);
    return current.panel;
  }
  await store.ready();
  current = new TeamClockPanel(context, store, now, picked);
  return current.panel;
}

class TeamClockPanel {
  readonly panel: vscode.WebviewPanel;
  /** The day shown; undefined = today (rolls over at the viewer's midnight). */
  private date: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shownDate = '';
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    context: vscode.ExtensionContext,
    private readonly store: TeamStore,
    private now: () => Date,
    date: string | undefined,
  ) {
    this.date = date;
    const root = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(
      'asyncDesk.teamClock',
      'Team Clock',
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      { enableScripts: true, localResourceRoots: [root] },
    );
    this.panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'async-desk.svg');
    this.panel.webview.html = webviewHtml(this.panel.webview, context.extensionUri, 'teamClock', 'Team Clock', TEAM_CLOCK_CSS);
    this.subscriptions.push(
      this.panel.webview.onDidReceiveMessage((m: TeamClockToHostMessage) => void this.onMessage(m)),
      this.panel.onDidChangeViewState(() => this.schedule()),
      this.panel.onDidDispose(() => this.dispose()),
      store.onDidChange(() => this.post()),
    );
    // Disposed with the extension while open; taken out again when closed, so closed panels do not pile up.
    context.subscriptions.push(this.panel);
    this.subscriptions.push({
      dispose: () => {
        const at = context.subscriptions.indexOf(this.panel);
        if (at >= 0) context.subscriptions.splice(at, 1);
      },
    });
  }

  setClock(now: () => Date): void {
    this.now = now;
  }

  select(date: string | undefined): void {
    this.date = date;
    this.post();
  }

  private today(): string {
    return viewerToday(currentViewer(this.store).zone, this.now());
  }

  private async onMessage(message: TeamClockToHostMessage): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
          await this.store.ready();
          this.post();
          this.schedule();
          break;
        case 'pickDay': {
          const today = this.today();
          const shown = this.date ?? today;
          const day = message.day;
          if (day === 'today') this.select(undefined);
          else if (day === 'tomorrow') this.select(addDays(today, 1));
          else if (day === 'previous' || day === 'next') {
            const next = addDays(shown, day === 'next' ? 1 : -1);
            this.select(next === today ? undefined : next);
          } else if (dayNumber(day) !== null) this.select(day === today ? undefined : day);
          break;
        }
        case 'openTeamFile': {
          const folder = this.store.all().find((f) => f.exists);
          if (folder) await vscode.window.showTextDocument(folder.uri);
          break;
        }
      }
    } catch (error) {
      await reportError('Team Clock', error);
    }
  }

  private post(): void {
    if (!this.panel.visible) return;
    const now = this.now();
    const viewer = currentViewer(this.store);
    const date = this.date ?? viewerToday(viewer.zone, now);
    this.shownDate = date;
    const message: HostToTeamClockMessage = { type: 'state', state: teamClockState(this.store.all(), viewer, date, now) };
    void this.panel.webview.postMessage(message); // resolves false when the panel is gone: nothing to do then
  }

  /** Each minute boundary while visible: the now-line moves; at midnight "today" rolls over. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.panel.visible) return;
    this.timer = setTimeout(
      () => {
        if (this.date === undefined && this.today() !== this.shownDate) this.post();
        else void this.panel.webview.postMessage({ type: 'now', nowMs: this.now().getTime() } satisfies HostToTeamClockMessage); // as in post()
        this.schedule();
      },
      MINUTE - (Date.now() % MINUTE) + 50,
    );
  }

  private dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    if (current === this) current = undefined;
  }
}
