// The features bundle (dist/features.js): loaded by the entry point right after activation, or at
// once when a command runs first. Registers views and editor features, hands each feature the typed
// APIs of the others it needs (features never call each other through commands: ADR-0014), and
// returns the command handlers.
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { CommandHandlers } from './commandIds';
import { initLog, log } from './shared/log';
import { fixClock } from './shared/clock';
import { answerQuestions } from './shared/ui';
import { registerDecisions } from './decisions';
import { registerTodayView } from './today/todayView';
import { registerTeam, registerTeamData } from './team';
import { GitHubAccess } from './github/githubAccess';
import { registerFocus } from './focus';
import { registerStandups } from './standups';
import { openRitualPrompt, ritualCommandHandlers } from './rituals';
import { registerIssues } from './issues';
import { registerSharing } from './sharing';
import type { TestHooks } from './testHooks';

export interface Features {
  handlers: CommandHandlers;
  /** Only in the test host (ExtensionMode.Test). */
  testHooks: TestHooks | undefined;
}

export function start(context: vscode.ExtensionContext, channel: vscode.LogOutputChannel): Features {
  initLog(channel);
  const decisions = registerDecisions(context);
  const github = new GitHubAccess(context.secrets);
  context.subscriptions.push(github);
  const teamData = registerTeamData(context, github);
  const issues = registerIssues(context, { team: teamData.store, decisions: decisions.store, github, statuses: () => teamData.status.statuses() });
  const team = registerTeam(context, teamData, issues.api);
  const focus = registerFocus(context, team.store, github);
  const sharing = registerSharing(context, { team: team.store, github });
  const standups = registerStandups(context, team.store, issues.api, focus.api, sharing.api);
  sharing.setMe(async () => (await standups.composer.me())?.login);
  const today = registerTodayView(context, {
    decisions: decisions.store,
    standups: standups.store,
    team: team.store,
    composer: standups.composer,
    standupsApi: standups.api,
    decisionsApi: decisions.api,
    sharing: sharing.api,
  });
  void decisions.store.ready(); // index in the background: diagnostics without opening the view
  const handlers: CommandHandlers = {
    ...decisions.handlers,
    ...team.handlers,
    ...focus.handlers,
    ...ritualCommandHandlers(team.store, sharing.api),
    // The token is always typed into the password box, so it never sits in a keybinding, a task or a
    // command link (tests sign in through the test hooks).
    'asyncDesk.github.signInWithToken': () => github.signInWithToken(),
    'asyncDesk.github.signOut': () => github.signOut(),
    'asyncDesk.showLog': () => log().show(),
    ...standups.handlers,
    ...sharing.handlers,
    ...today.handlers,
    ...issues.handlers,
  };
  let testHooks: TestHooks | undefined;
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    // A computed path keeps esbuild from inlining dist/testHooks.js: it is not in the start-up bundles.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- only in the test host; start() is synchronous
    const module = require(path.join(__dirname, 'testHooks.js')) as typeof import('./testHooks');
    testHooks = module.createTestHooks({
      fixClock,
      answerQuestions,
      github,
      team,
      standups,
      today: today.provider,
      indexes: { decisions: decisions.store.onDidChange, standups: standups.store.onDidChange, team: team.store.onDidChange },
      ritualPrompt: openRitualPrompt,
      issueService: issues.service,
      issueFormOpened: issues.onDidOpenForm,
      focus: focus.controller,
      sharing: () => sharing.hub(),
    });
  }
  return { handlers, testHooks };
}
