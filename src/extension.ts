// Entry point: wires features together and nothing else. Work happens lazily (the decision scan
// starts after activate() returns), so activation stays well under the 10 ms budget.
import * as vscode from 'vscode';
import { log, disposeLog } from './features/shared/log';
import { registerCommand, reportError } from './features/shared/errors';
import { registerDecisions } from './features/decisions';
import { registerTodayView } from './features/today/todayView';

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  try {
    context.subscriptions.push({ dispose: disposeLog });
    registerCommand(context, 'asyncDesk.showLog', () => log().show());
    const decisions = registerDecisions(context);
    registerTodayView(context, decisions);
    setTimeout(() => void decisions.ready(), 0); // index in the background: diagnostics without opening the view
    log().info(`Activated in ${(performance.now() - started).toFixed(2)} ms (VS Code ${vscode.version}, ${vscode.env.appName}).`);
  } catch (error) {
    // Like rust-analyzer: say that activation failed and where to look, instead of failing silently.
    void reportError('Activation failed', error);
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
