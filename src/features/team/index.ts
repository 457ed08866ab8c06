// Wires team time: the team file store, the Team view, @login hover and completion. The team
// commands are in dist/teamCommands.js, required on the first team command.
import * as vscode from 'vscode';
import { TeamStore } from './teamStore';
import { TeamTreeProvider } from './teamTree';
import { TeamStatusSource } from './githubStatus';
import type { GitHubAccess } from '../github/githubAccess';
import type * as TeamCommandsBundle from './teamCommandsBundle';
import type { HandlersOf } from '../commandIds';
import { lazyHandlers, loadBundle } from '../shared/lazyBundle';
import { registerTeamLanguageFeatures } from './teamLanguage';
import type { IssuesApi } from '../issues/api';

/** The team's data: the team files and teammates' GitHub statuses (other features read these). */
export interface TeamData {
  store: TeamStore;
  status: TeamStatusSource;
}

export interface Team extends TeamData {
  tree: TeamTreeProvider;
  view: vscode.TreeView<unknown>;
  handlers: HandlersOf<'asyncDesk.team.'>;
}

export function registerTeamData(context: vscode.ExtensionContext, github: GitHubAccess): TeamData {
  const store = new TeamStore();
  const status = new TeamStatusSource(store, github);
  context.subscriptions.push(store, status);
  void store.ready();
  return { store, status };
}

/** The Team view, hovers and completions, and the team commands, over the team's data. */
export function registerTeam(context: vscode.ExtensionContext, { store, status }: TeamData, issues: IssuesApi): Team {
  const tree = new TeamTreeProvider(store, status);
  const view = vscode.window.createTreeView('asyncDesk.team', { treeDataProvider: tree });
  const updateMessage = () => {
    const broken = store.all().filter((f) => f.problems.some((p) => p.severity === 'error'));
    const messages = broken.map((f) => `${f.file} has errors (see Problems); showing the valid members.`);
    if (status.problem) messages.push(status.problem);
    view.message = messages.join(' ') || undefined;
  };
  context.subscriptions.push(
    tree,
    view,
    view.onDidChangeVisibility((e) => {
      tree.setVisible(e.visible);
      status.setVisible(e.visible);
    }),
    store.onDidChange(updateMessage),
    status.onDidChange(updateMessage),
  );
  if (view.visible) {
    tree.setVisible(true);
    status.setVisible(true);
  }
  registerTeamLanguageFeatures(context, store, status, () => tree.now());
  const handlers = lazyHandlers('asyncDesk.team.', () =>
    loadBundle<typeof TeamCommandsBundle>('teamCommands.js').teamCommandHandlers(context, store, tree, status, issues),
  );
  return { store, tree, status, view, handlers };
}
