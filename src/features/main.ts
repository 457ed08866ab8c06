// The features bundle (dist/features.js): loaded by the entry point right after activation, or at
// once when a command runs first. Registers views and editor features and returns the command handlers.
import * as vscode from 'vscode';
import type { CommandHandlers } from './commandIds';
import { initLog, log } from './shared/log';
import { registerDecisions } from './decisions';
import { registerTodayView } from './today/todayView';
import { registerTeam } from './team';
import { GitHubAccess } from './github/githubAccess';
import { registerFocus } from './focus/focusSession';
import { ritualCommandHandlers } from './rituals';

// TEMPORARY while standups and rituals are being built (never committed).
const notBuilt = () => {
  throw new Error('Not built yet.');
};
const TEMPORARY_UNBUILT = Object.fromEntries(
  ['asyncDesk.standups.write', 'asyncDesk.standups.openToday', 'asyncDesk.standups.summaryForWeek', 'asyncDesk.standups.filterByPerson', 'asyncDesk.standups.clearFilter', 'asyncDesk.standups.refresh', 'asyncDesk.standups.openBlockerIssue'].map((id) => [id, notBuilt]),
) as Record<Extract<import('./commandIds').CommandId, `asyncDesk.standups.${string}`>, () => never>;

export interface Features {
  handlers: CommandHandlers;
}

export function start(context: vscode.ExtensionContext, channel: vscode.LogOutputChannel): Features {
  initLog(channel);
  const decisions = registerDecisions(context);
  registerTodayView(context, decisions.store);
  const github = new GitHubAccess(context.secrets);
  context.subscriptions.push(github);
  const team = registerTeam(context, github);
  const focus = registerFocus(context, team.store, github);
  void decisions.store.ready(); // index in the background: diagnostics without opening the view
  return {
    handlers: {
      ...decisions.handlers,
      ...team.handlers,
      ...focus.handlers,
      ...ritualCommandHandlers(context, team.store),
      'asyncDesk.github.signInWithToken': (token?: string) => github.signInWithToken(token),
      'asyncDesk.github.signOut': () => github.signOut(),
      'asyncDesk.showLog': () => log().show(),
      ...TEMPORARY_UNBUILT,
    },
  };
}
