// Wires "Open Issue from Template…" and the issue outbox. The code is in dist/issues.js, required on
// first use: a command, a form restored after a window reload, or unsent issues in the outbox.
import * as vscode from 'vscode';
import * as path from 'node:path';
import type * as IssuesBundle from './issuesBundle';
import type { CommandId } from '../commandIds';
import { log } from '../shared/log';
import type { IssueServices, OpenIssueArgs } from './issueService';
import { hasOutbox } from './drafts';
import { ISSUE_FORM_VIEW_TYPE } from './viewType';

export type IssueCommandId = Extract<CommandId, `asyncDesk.issues.${string}`>;

export function registerIssues(context: vscode.ExtensionContext, services: IssueServices): Record<IssueCommandId, (...args: any[]) => unknown> {
  let service: IssuesBundle.IssueService | undefined;
  const issues = (): IssuesBundle.IssueService => {
    if (!service) {
      // A computed path keeps esbuild from inlining dist/issues.js into the features bundle.
      const bundle = require(path.join(__dirname, 'issues.js')) as typeof IssuesBundle;
      bundle.initLog(log()); // the bundle has its own copy of the log module: share the one channel
      service = new bundle.IssueService(context, services);
      context.subscriptions.push(service);
    }
    return service;
  };
  context.subscriptions.push(
    // Forms open when the window was reloaded come back with their draft.
    vscode.window.registerWebviewPanelSerializer(ISSUE_FORM_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: { draftId?: string } | undefined) {
        if (!state?.draftId) {
          panel.dispose();
          return;
        }
        await issues().openDraft(state.draftId, panel);
      },
    }),
    // For the integration tests; not contributed, so not in the palette.
    vscode.commands.registerCommand('asyncDesk.issues.serviceForTests', () => issues()),
  );
  // Unsent issues from an earlier session: start retrying them a little after start-up.
  if (hasOutbox(context.globalState)) {
    const timer = setTimeout(() => void issues().flushOutbox(), 10_000);
    context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  }
  return {
    'asyncDesk.issues.openFromTemplate': (args?: OpenIssueArgs) => issues().open(args),
    'asyncDesk.issues.showOutbox': () => issues().showOutbox(),
  };
}
