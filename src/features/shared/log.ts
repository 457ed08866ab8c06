// The one log of the extension: a LogOutputChannel ("Async Desk" in the Output panel).
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The shared log; created on first use so that every module logs to the same channel. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Async Desk', { log: true });
  return channel;
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
