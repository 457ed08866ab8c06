// The standup reminder (setting asyncDesk.standups.remindAt): a status bar nudge, never a pop-up, when
// you have not posted by that time of YOUR working day. Never outside your working hours (from your
// team-file entry, else 09:00-17:00 Mon-Fri in this machine's zone) and never during a focus session.
// Checks once a minute, and only while a reminder time is set.
import * as vscode from 'vscode';
import { DEFAULT_DAYS, DEFAULT_HOURS, memberState, type Member } from '../../core/team';
import { affectsSettings, getSettings, SETTINGS_READ_BY } from '../shared/settings';
import { log } from '../shared/log';
import { shouldRemind } from '../../core/standups/reminder';
import type { Composer } from './composer';
import type { StandupStore } from './standupStore';
import * as clock from '../shared/clock';

export class StandupReminder implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('asyncDesk.standupReminder', vscode.StatusBarAlignment.Left, -101);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.item];
  private disposed = false;

  constructor(
    private readonly composer: Composer,
    private readonly standups: StandupStore,
    private readonly inFocusSession: () => boolean,
  ) {
    this.item.name = 'Async Desk: Standup Reminder';
    this.item.text = '$(edit) Standup';
    this.item.command = 'asyncDesk.standups.write';
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => affectsSettings(e, SETTINGS_READ_BY.reminder) && this.schedule(0)),
      standups.onDidChange(() => this.schedule(0)),
    );
    this.schedule(0);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.disposed) return;
    if (!getSettings().standupRemindAt) {
      this.item.hide();
      return;
    }
    this.timer = setTimeout(() => void this.check(), delay);
  }

  /** Re-evaluates now; returns whether the nudge shows (for tests). */
  async check(now = clock.now()): Promise<boolean> {
    let show = false;
    try {
      const remindAt = getSettings().standupRemindAt;
      const me = remindAt ? await this.composer.me() : undefined;
      const folder = this.standups.home();
      if (me && folder) {
        await this.standups.ready();
        const member: Member = me.member ?? {
          github: me.login,
          timezone: me.zone,
          hours: DEFAULT_HOURS,
          days: DEFAULT_DAYS,
          focus: [],
          holidays: [],
          away: [],
          line: 0,
        };
        const state = memberState(member, me.team, now);
        show = shouldRemind({
          remindAt,
          state: state.state,
          localTime: state.localTime.slice(11, 16),
          posted: !!this.standups.entry(folder, state.localDate, me.login),
          inFocusSession: this.inFocusSession(),
        });
        this.item.tooltip = `You have not posted your standup for today (${state.localDate}) yet. Click to write it. (asyncDesk.standups.remindAt: ${remindAt})`;
      }
    } catch (error) {
      log().warn(`Standup reminder: ${(error as Error).message}`);
    }
    if (show) this.item.show();
    else this.item.hide();
    // Next check at the next minute boundary.
    this.schedule(60_000 - (Date.now() % 60_000) + 50);
    return show;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
