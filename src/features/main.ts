// The features bundle (dist/features.js): loaded by the entry point right after activation, or at
// once when a command runs first. Registers views and editor features and returns the command handlers.
import * as vscode from 'vscode';
import type { CommandHandlers } from './commandIds';
import { initLog, log } from './shared/log';
import { registerTestClock } from './shared/clock';
import { registerDecisions } from './decisions';
import { registerTodayView } from './today/todayView';
import { registerTeam } from './team';
import { GitHubAccess } from './github/githubAccess';
import { registerFocus } from './focus';
import { registerStandups } from './standups';
import { ritualCommandHandlers } from './rituals';
import { registerIssues } from './issues';

export interface Features {
  handlers: CommandHandlers;
}

export function start(context: vscode.ExtensionContext, channel: vscode.LogOutputChannel): Features {
  initLog(channel);
  registerTestClock(context); // the test host only: one fixed clock for every feature
  const decisions = registerDecisions(context);
  const github = new GitHubAccess(context.secrets);
  context.subscriptions.push(github);
  const team = registerTeam(context, github);
  const focus = registerFocus(context, team.store, github);
  const standups = registerStandups(context, team.store, () => focus.api.inSession());
  const today = registerTodayView(context, { decisions: decisions.store, standups: standups.store, team: team.store, composer: standups.composer });
  standups.setComposerView(today);
  void decisions.store.ready(); // index in the background: diagnostics without opening the view
  return {
    handlers: {
      ...decisions.handlers,
      ...team.handlers,
      ...focus.handlers,
      ...ritualCommandHandlers(context, team.store),
      // Only the test host may pass the token as an argument: in real use it is always typed into the
      // password box, so it never sits in a keybinding, a task or a command link.
      'asyncDesk.github.signInWithToken': (token?: unknown) => github.signInWithToken(context.extensionMode === vscode.ExtensionMode.Test && typeof token === 'string' ? token : undefined),
      'asyncDesk.github.signOut': () => github.signOut(),
      'asyncDesk.showLog': () => log().show(),
      ...standups.handlers,
      ...registerIssues(context, { team: team.store, decisions: decisions.store, github, statuses: () => team.status.statuses() }),
    },
  };
}
