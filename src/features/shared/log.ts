// The one log of the extension: a LogOutputChannel ("Async Desk" in the Output panel). The entry
// bundle creates it on first use and hands it to the features bundle (initLog), so both bundles share it.
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Async Desk', { log: true });
  return channel;
}

/** Adopts the channel created by the entry bundle. */
export function initLog(shared: vscode.LogOutputChannel): void {
  channel = shared;
}

/** Disposes the channel this bundle created (the entry bundle, on deactivation). */
export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
