// Wires team time: the team file store, the Team view, @login hover and completion.
import * as vscode from 'vscode';
import { TeamStore } from './teamStore';
import { TeamTreeProvider } from './teamTree';
import { TeamStatusSource } from './githubStatus';
import type { GitHubAccess } from '../github/githubAccess';
import { teamCommandHandlers, type TeamCommandId } from './teamCommands';
import { registerTeamLanguageFeatures } from './teamLanguage';

export function registerTeam(
  context: vscode.ExtensionContext,
  github: GitHubAccess,
): { store: TeamStore; tree: TeamTreeProvider; status: TeamStatusSource; handlers: Record<TeamCommandId, (...args: any[]) => unknown> } {
  const store = new TeamStore();
  const status = new TeamStatusSource(store, github);
  const tree = new TeamTreeProvider(store, status);
  const view = vscode.window.createTreeView('asyncDesk.team', { treeDataProvider: tree });
  const updateMessage = () => {
    const broken = store.all().filter((f) => f.problems.some((p) => p.severity === 'error'));
    const messages = broken.map((f) => `${f.file} has errors (see Problems); showing the valid members.`);
    if (status.problem) messages.push(status.problem);
    view.message = messages.join(' ') || undefined;
  };
  context.subscriptions.push(
    store,
    status,
    tree,
    view,
    view.onDidChangeVisibility((e) => {
      tree.setVisible(e.visible);
      status.setVisible(e.visible);
    }),
    store.onDidChange(updateMessage),
    status.onDidChange(updateMessage),
    vscode.commands.registerCommand('asyncDesk.team.refreshStatusForTests', () => status.refresh()),
    vscode.commands.registerCommand('asyncDesk.team.viewMessageForTests', () => view.message),
    vscode.commands.registerCommand('asyncDesk.team.pollingForTests', () => status.polling()),
    vscode.commands.registerCommand('asyncDesk.team.snapshotForTests', async () => {
      const groups = await tree.getChildren();
      return Promise.all(
        groups.map(async (g) => ({
          label: tree.getTreeItem(g).label,
          members: (await tree.getChildren(g)).map((m) => {
            const item = tree.getTreeItem(m);
            return { label: item.label, description: item.description, tooltip: (item.tooltip as vscode.MarkdownString | undefined)?.value };
          }),
        })),
      );
    }),
  );
  if (view.visible) {
    tree.setVisible(true);
    status.setVisible(true);
  }
  registerTeamLanguageFeatures(context, store, status, () => tree.now());
  void store.ready();
  return { store, tree, status, handlers: teamCommandHandlers(context, store, tree, status) };
}
