// Entry point (dist/extension.js): kept tiny so activation is cheap. It registers the contributed
// commands as thin proxies and loads the features bundle (dist/features.js: parsers, views, editor
// features) shortly after activation, or at once when a command runs first.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { COMMAND_IDS } from './features/commandIds';
import { disposeLog, log } from './features/shared/log';
import { registerCommand, reportError } from './features/shared/errors';
import type { Features } from './features/main';
import type { TestHooks } from './features/testHooks';

/** What activate() returns in the test host only (ExtensionMode.Test): the integration tests' way in. */
export interface AsyncDeskTestApi {
  testHooks(): TestHooks;
}

/** How long after activation the features bundle loads (ADR-0006). */
const FEATURES_DELAY_MS = 100;

export function activate(context: vscode.ExtensionContext): AsyncDeskTestApi | undefined {
  const started = performance.now();
  // The log channel is created on first use (usually when the features load), not here: creating it
  // starts file work in the host that would otherwise land inside the activation burst.
  context.subscriptions.push({ dispose: () => disposeLog() });

  let features: Features | undefined;
  const load = (): Features => {
    if (!features) {
      const channel = log();
      const loadStarted = performance.now();
      // A computed path keeps esbuild from inlining the features bundle into this one; a synchronous
      // require, because load() is synchronous (the command handlers call it).
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
      const module = require(path.join(__dirname, 'features.js')) as typeof import('./features/main');
      features = module.start(context, channel);
      channel.info(`Features loaded in ${(performance.now() - loadStarted).toFixed(1)} ms.`);
    }
    return features;
  };
  // Arguments come from menus, keybindings and other extensions: each handler checks what it is given.
  for (const id of COMMAND_IDS) registerCommand(context, id, (...args: unknown[]) => (load().handlers[id] as (...given: unknown[]) => unknown)(...args));
  const activated = `Activated in ${(performance.now() - started).toFixed(2)} ms (VS Code ${vscode.version}, ${vscode.env.appName}).`;
  // Load the features just after the window's activation burst rather than inside it (other
  // extensions are activating too); a command that runs earlier loads them at once.
  setTimeout(() => {
    log().info(activated);
    try {
      load();
    } catch (error) {
      // Like rust-analyzer: say that start-up failed and where to look, instead of failing silently.
      void reportError('Async Desk could not start', error);
    }
  }, FEATURES_DELAY_MS);
  // An installed extension exports nothing: test hooks exist only when VS Code runs it for tests.
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    testHooks: () => {
      const hooks = load().testHooks;
      if (!hooks) throw new Error('Async Desk: test hooks are only loaded in the test host.');
      return hooks;
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
