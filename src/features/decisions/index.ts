// Wires the decision-record feature: store, tree view, commands, editor features. The commands and
// the DecisionsApi are in dist/decisionCommands.js, required on the first command or API call.
import * as vscode from 'vscode';
import { DecisionStore } from './decisionStore';
import { DecisionsTreeProvider, describeFilter } from './decisionsTree';
import type { DecisionsApi } from './decisionCommands';
import type * as DecisionCommandsBundle from './decisionCommandsBundle';
import type { HandlersOf } from '../commandIds';
import { registerDecisionLanguageFeatures } from './decisionLanguage';
import { lazyHandlers, loadBundle } from '../shared/lazyBundle';

let bundle: typeof DecisionCommandsBundle | undefined;
const commands = (): typeof DecisionCommandsBundle => (bundle ??= loadBundle<typeof DecisionCommandsBundle>('decisionCommands.js'));

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
  let api: DecisionsApi | undefined;
  const loadedApi = (): DecisionsApi => (api ??= commands().decisionsApi(store));
  return {
    store,
    api: {
      newRecord: (args) => loadedApi().newRecord(args),
      setStatus: (file, status) => loadedApi().setStatus(file, status),
    },
    handlers: lazyHandlers('asyncDesk.decisions.', () => commands().decisionCommandHandlers(store, tree)),
  };
}
