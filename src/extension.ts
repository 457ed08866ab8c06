// Entry point (dist/extension.js): kept tiny so activation is cheap. It registers the contributed
// commands as thin proxies and loads the features bundle (dist/features.js: parsers, views, editor
// features) on the next tick, or at once when a command runs first.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { COMMAND_IDS } from './features/commandIds';
import { initLog } from './features/shared/log';
import { registerCommand, reportError } from './features/shared/errors';
import type { Features } from './features/main';

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Async Desk', { log: true });
  context.subscriptions.push(channel);
  initLog(channel);

  let features: Features | undefined;
  const load = (): Features => {
    if (!features) {
      const loadStarted = performance.now();
      // A computed path keeps esbuild from inlining the features bundle into this one.
      const module = require(path.join(__dirname, 'features.js')) as typeof import('./features/main');
      features = module.start(context, channel);
      channel.info(`Features loaded in ${(performance.now() - loadStarted).toFixed(1)} ms.`);
    }
    return features;
  };
  for (const id of COMMAND_IDS) registerCommand(context, id, (...args: unknown[]) => load().handlers[id](...args));
  setTimeout(() => {
    try {
      load();
    } catch (error) {
      // Like rust-analyzer: say that start-up failed and where to look, instead of failing silently.
      void reportError('Async Desk could not start', error);
    }
  }, 0);
  channel.info(`Activated in ${(performance.now() - started).toFixed(2)} ms (VS Code ${vscode.version}, ${vscode.env.appName}).`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
