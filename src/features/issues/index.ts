// Wires "Open Issue from Template…" and the issue outbox, and gives other features the issues API (api.ts).
// The code is in dist/issues.js, required on first use: a command, a form restored after a window reload,
// or unsent issues in the outbox.
import * as vscode from 'vscode';
import * as path from 'node:path';
import type * as IssuesBundle from './issuesBundle';
import type { CommandId, HandlersOf } from '../commandIds';
import { errorDetails } from '../shared/errors';
import { log } from '../shared/log';
import { loadBundle } from '../shared/lazyBundle';
import type { IssueServices, IssuesApi, OpenIssueArgs, RecordNode } from './api';
import { hasOutbox } from './drafts';
import { ISSUE_FORM_VIEW_TYPE } from './viewType';
import { toDiagnostic } from '../shared/diagnostics';

export type IssueCommandId = Extract<CommandId, `asyncDesk.issues.${string}`>;

/** The issue commands' handlers (their arguments: CommandArgs in commandIds.ts). */
export type IssueCommandHandlers = HandlersOf<'asyncDesk.issues.'>;

export interface Issues {
  api: IssuesApi;
  handlers: IssueCommandHandlers;
  /** The issue service itself (loads dist/issues.js): for the test hooks only. */
  service: () => IssuesBundle.IssueService;
  /** Fires with each issue form as it opens (before its webview has said anything). */
  onDidOpenForm: vscode.Event<IssuesBundle.IssueFormPanel>;
}

export function registerIssues(context: vscode.ExtensionContext, services: IssueServices): Issues {
  let bundle: typeof IssuesBundle | undefined;
  const load = (): typeof IssuesBundle => (bundle ??= loadBundle<typeof IssuesBundle>('issues.js'));
  const formOpened = new vscode.EventEmitter<IssuesBundle.IssueFormPanel>();
  context.subscriptions.push(formOpened);
  let service: IssuesBundle.IssueService | undefined;
  const issues = (): IssuesBundle.IssueService => {
    if (!service) {
      service = new (load().IssueService)(context, services, (panel) => formOpened.fire(panel));
      context.subscriptions.push(service);
    }
    return service;
  };
  registerTemplateDiagnostics(context, () => load().templateProblems);
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
  );
  // Unsent issues from an earlier session: start retrying them a little after start-up.
  if (hasOutbox(context.globalState)) {
    const timer = setTimeout(() => void issues().flushOutbox(), 10_000);
    context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  }
  const api: IssuesApi = { open: (args) => issues().open(args) };
  return {
    api,
    service: issues,
    onDidOpenForm: formOpened.event,
    handlers: {
      'asyncDesk.issues.openFromTemplate': (args) => api.open(fromMenu(args)),
      'asyncDesk.issues.showOutbox': () => issues().showOutbox(),
    },
  };
}

/**
 * The Decisions view's context menu passes the record's tree node itself: it becomes the record the
 * issue follows up. Other callers pass OpenIssueArgs.
 */
function fromMenu(args: OpenIssueArgs | RecordNode | undefined): OpenIssueArgs | undefined {
  return args && 'kind' in args && args.kind === 'record' ? { record: args } : (args as OpenIssueArgs | undefined);
}

/** An issue template of a workspace folder: its root-relative path, else undefined. */
function templatePath(document: vscode.TextDocument): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder || document.uri.scheme !== 'file') return undefined;
  const file = path.relative(folder.uri.fsPath, document.uri.fsPath).split(path.sep).join('/');
  return /^(?:\.github|docs)\/ISSUE_TEMPLATE\/[^/]+\.(?:md|ya?ml)$/i.test(file) ? file : undefined;
}

/** Diagnostics for open issue templates (invalid YAML, unknown field types, duplicate ids…), with lines. */
function registerTemplateDiagnostics(context: vscode.ExtensionContext, problemsOf: () => typeof IssuesBundle.templateProblems): void {
  const diagnostics = vscode.languages.createDiagnosticCollection('asyncDesk.issueTemplates');
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const check = (document: vscode.TextDocument) => {
    const file = templatePath(document);
    if (!file) return;
    try {
      diagnostics.set(document.uri, problemsOf()(document.getText(), file).map(toDiagnostic));
    } catch (error) {
      log().error(`Checking ${file}: ${errorDetails(error)}`);
    }
  };
  context.subscriptions.push(
    diagnostics,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || !templatePath(e.document)) return;
      const key = e.document.uri.toString();
      clearTimeout(pending.get(key));
      pending.set(
        key,
        setTimeout(() => (pending.delete(key), check(e.document)), 200),
      );
    }),
    vscode.workspace.onDidCloseTextDocument((d) => diagnostics.delete(d.uri)),
    { dispose: () => pending.forEach((t) => clearTimeout(t)) },
  );
  for (const document of vscode.workspace.textDocuments) check(document);
}
