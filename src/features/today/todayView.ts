// The Today view (webview in the Async Desk container). For now it shows the decisions that need
// attention (awaiting a decision, review overdue); the standup composer joins it later.
import * as vscode from 'vscode';
import type { AttentionItem, HostToTodayMessage, TodayState, TodayToHostMessage } from '../../protocol/today';
import { localIsoDate } from '../../core/dates';
import { webviewHtml } from '../shared/webviewHtml';
import { reportError } from '../shared/errors';
import type { DecisionStore, RecordRef } from '../decisions/decisionStore';
import { isOverdue, recordNumberLabel } from '../decisions/decisionsTree';

export function registerTodayView(context: vscode.ExtensionContext, store: DecisionStore): void {
  const provider = new TodayViewProvider(context.extensionUri, store);
  context.subscriptions.push(provider, vscode.window.registerWebviewViewProvider('asyncDesk.today', provider));
}

function recordId(ref: RecordRef): string {
  return `${ref.folder.root.toString()}#${ref.record.file}`;
}

export function todayState(store: DecisionStore, today = localIsoDate()): TodayState {
  const refs = store.records();
  const attention: AttentionItem[] = [];
  for (const ref of refs) {
    const r = ref.record;
    const base = { id: recordId(ref), number: recordNumberLabel(ref), title: r.title || r.file, status: r.status ?? 'unknown' };
    if (isOverdue(ref, today)) {
      attention.push({ ...base, reason: 'review-overdue', detail: `review was due ${r.reviewBy}${r.owner ? ` · @${r.owner}` : ''}` });
    } else if (r.status === 'proposed' || r.status === 'draft') {
      attention.push({ ...base, reason: 'awaiting-decision', detail: `${r.status}${r.date ? ` ${r.date}` : ''}${r.owner ? ` · @${r.owner}` : ''}` });
    }
  }
  attention.sort((a, b) => (a.reason === b.reason ? a.title.localeCompare(b.title) : a.reason === 'review-overdue' ? -1 : 1));
  return {
    trusted: vscode.workspace.isTrusted,
    loaded: store.isLoaded,
    totals: {
      records: refs.length,
      accepted: refs.filter((r) => r.record.status === 'accepted').length,
      open: refs.filter((r) => r.record.status === 'proposed' || r.record.status === 'draft').length,
      overdue: attention.filter((a) => a.reason === 'review-overdue').length,
    },
    attention,
  };
}

class TodayViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: DecisionStore,
  ) {
    this.subscriptions.push(store.onDidChange(() => this.post()), vscode.workspace.onDidGrantWorkspaceTrust(() => this.post()));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')] };
    view.webview.html = webviewHtml(view.webview, this.extensionUri, 'today', 'Today');
    view.onDidDispose(() => (this.view = undefined), undefined, this.subscriptions);
    view.onDidChangeVisibility(() => view.visible && this.post(), undefined, this.subscriptions);
    view.webview.onDidReceiveMessage((m: TodayToHostMessage) => this.onMessage(m), undefined, this.subscriptions);
  }

  private async onMessage(message: TodayToHostMessage): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
          await this.store.ready();
          this.post();
          break;
        case 'openRecord': {
          const ref = this.find(message.id);
          if (ref) await vscode.window.showTextDocument(ref.folder.uriOf(ref.record.file));
          break;
        }
        case 'acceptRecord': {
          const ref = this.find(message.id);
          if (ref) await vscode.commands.executeCommand('asyncDesk.decisions.accept', ref.folder.uriOf(ref.record.file));
          break;
        }
        case 'newRecord':
          await vscode.commands.executeCommand('asyncDesk.decisions.new');
          break;
        case 'showDecisions':
          await vscode.commands.executeCommand('asyncDesk.decisions.focus');
          break;
      }
    } catch (error) {
      await reportError('Today view', error);
    }
  }

  private find(id: string): RecordRef | undefined {
    return this.store.records().find((ref) => recordId(ref) === id);
  }

  private post(): void {
    if (!this.view?.visible) return;
    const message: HostToTodayMessage = { type: 'state', state: todayState(this.store) };
    void this.view.webview.postMessage(message);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
