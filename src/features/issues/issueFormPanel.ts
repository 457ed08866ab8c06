// The issue form's webview panel: sends the template, the values and what the host derives from them
// (validation, due dates, owners, the exact request), and relays the webview's edits and submit.
import * as vscode from 'vscode';
import type { Derived, FormValues, HostToIssueFormMessage, IssueFormInit, IssueFormToHostMessage, OwnerOption, SubmitFailure } from '../../protocol/issueForm';
import { webviewHtml } from '../shared/webviewHtml';
import { isCancelled, isExpectedError, reportError } from '../shared/errors';
import { ISSUE_FORM_CSS } from './issueFormStyles';

import { ISSUE_FORM_VIEW_TYPE } from './viewType';

export type SubmitOutcome =
  | { kind: 'invalid'; derived: Derived }
  | { kind: 'created'; result: { number: number; url: string; warnings: string[]; reused: boolean } }
  | { kind: 'failed'; failure: SubmitFailure };

export interface FormHandlers {
  init(): Promise<IssueFormInit>;
  change(values: FormValues): Promise<Derived>;
  submit(values: FormValues): Promise<SubmitOutcome>;
  copyBody(values: FormValues): Promise<void>;
  discard(): Promise<void>;
  owners(): Promise<OwnerOption[]>;
}

export class IssueFormPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private values: FormValues | undefined;
  private submitting = false;
  /** The last messages sent (integration tests read them). */
  readonly sent: HostToIssueFormMessage[] = [];

  constructor(
    extensionUri: vscode.Uri,
    readonly draftId: string,
    templateName: string,
    revived: vscode.WebviewPanel | undefined,
    private readonly handlers: FormHandlers,
  ) {
    this.panel =
      revived ??
      vscode.window.createWebviewPanel(ISSUE_FORM_VIEW_TYPE, `New issue: ${templateName}`, vscode.ViewColumn.Active, {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
      });
    this.panel.title = `New issue: ${templateName}`;
    this.panel.iconPath = new vscode.ThemeIcon('issues');
    this.panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')] };
    this.panel.webview.html = webviewHtml(this.panel.webview, extensionUri, 'issueForm', `New issue: ${templateName}`, ISSUE_FORM_CSS);
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((m: IssueFormToHostMessage) => this.handle(m)),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  reveal(): void {
    this.panel.reveal();
  }

  private post(message: HostToIssueFormMessage): void {
    // Answers to async work (owners, derived values) may arrive after the form was closed.
    if (this.isDisposed) return;
    this.sent.push(message);
    if (this.sent.length > 50) this.sent.shift();
    this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }

  /** Re-derives with the current values (e.g. push access became known). */
  refreshDerived(): void {
    if (this.values)
      void this.handlers.change(this.values).then(
        (derived) => this.post({ type: 'derived', derived }),
        () => undefined,
      );
  }

  /** An outbox retry finished while this form is open. */
  reportOutcome(outcome: SubmitOutcome): void {
    if (outcome.kind === 'created') {
      this.post({ type: 'created', ...outcome.result });
    } else if (outcome.kind === 'failed') {
      this.post({ type: 'failed', failure: outcome.failure });
    }
  }

  async handle(message: IssueFormToHostMessage): Promise<unknown> {
    try {
      switch (message.type) {
        case 'ready': {
          const init = await this.handlers.init();
          this.values = init.values;
          this.post({ type: 'init', init });
          this.post({ type: 'derived', derived: await this.handlers.change(init.values) });
          void this.handlers.owners().then(
            (owners) => this.post({ type: 'owners', owners }),
            () => undefined,
          );
          return init;
        }
        case 'change': {
          this.values = message.values;
          const derived = await this.handlers.change(message.values);
          this.post({ type: 'derived', derived });
          return derived;
        }
        case 'submit': {
          if (this.submitting) return undefined;
          this.submitting = true;
          this.values = message.values;
          this.post({ type: 'submitting' });
          try {
            const outcome = await this.handlers.submit(message.values);
            if (outcome.kind === 'invalid') {
              this.post({ type: 'derived', derived: outcome.derived });
              const message = 'Some fields need attention (marked below). Nothing was sent.';
              this.post({ type: 'failed', failure: { kind: 'invalid', message, fieldErrors: outcome.derived.errors, queued: false } });
            } else {
              this.reportOutcome(outcome);
            }
            return outcome;
          } catch (error) {
            const cancelled = isCancelled(error);
            this.post({
              type: 'failed',
              failure: {
                kind: cancelled ? 'cancelled' : 'error',
                message: cancelled ? 'Not sent. Your draft is kept.' : `${(error as Error).message} Your draft is kept.`,
                fieldErrors: [],
                queued: false,
              },
            });
            if (!isExpectedError(error)) throw error;
            return undefined;
          } finally {
            this.submitting = false;
          }
        }
        case 'copyBody':
          return await this.handlers.copyBody(message.values);
        case 'openIssue':
          if (/^https?:\/\//.test(message.url)) await vscode.env.openExternal(vscode.Uri.parse(message.url));
          return undefined;
        case 'discard': {
          const sure = await vscode.window.showWarningMessage('Discard this issue draft? What you typed is deleted.', { modal: true }, 'Discard');
          if (sure !== 'Discard') return undefined;
          await this.handlers.discard();
          this.panel.dispose();
          return undefined;
        }
      }
    } catch (error) {
      await reportError('Issue form', error);
    }
    return undefined;
  }

  private isDisposed = false;

  dispose(): void {
    if (this.isDisposed) return; // panel.dispose() below comes back through onDidDispose
    this.isDisposed = true;
    for (const d of this.disposables) d.dispose();
    this.disposed.fire();
    this.disposed.dispose();
    this.panel.dispose();
  }
}
