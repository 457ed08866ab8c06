// Wires the decision-record feature: store, tree view, commands, editor features.
import * as vscode from 'vscode';
import { DecisionStore } from './decisionStore';
import { DecisionsTreeProvider, describeFilter } from './decisionsTree';
import { decisionCommandHandlers, decisionsApi, type DecisionsApi } from './decisionCommands';
import type { HandlersOf } from '../commandIds';
import { registerDecisionLanguageFeatures } from './decisionLanguage';

export interface Decisions {
  store: DecisionStore;
  api: DecisionsApi;
  handlers: HandlersOf<'asyncDesk.decisions.'>;
}

export function registerDecisions(context: vscode.ExtensionContext): Decisions {
  const store = new DecisionStore();
  const tree = new DecisionsTreeProvider(store);
  const view = vscode.window.createTreeView('asyncDesk.decisions', { treeDataProvider: tree, showCollapseAll: true });
  const updateMessage = () => {
    const filter = describeFilter(tree.getFilter());
    view.description = filter || undefined;
    view.message = filter && tree && store.records().length > 0 ? `Filtered by ${filter}` : undefined;
  };
  context.subscriptions.push(store, tree, view, tree.onDidChangeTreeData(updateMessage));
  registerDecisionLanguageFeatures(context, store);
  return { store, api: decisionsApi(store), handlers: decisionCommandHandlers(store, tree) };
}
