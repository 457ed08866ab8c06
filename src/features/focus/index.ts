// Wires focus sessions into the extension: the controller, its command handlers, the typed API other
// features use (FocusApi), and the test-only commands the integration tests drive it with.
import * as vscode from 'vscode';
import type { GitHubAccess } from '../github/githubAccess';
import { errorMessage } from '../shared/errors';
import { log } from '../shared/log';
import type { TeamStore } from '../team/teamStore';
import type { FocusApi, FocusCommandId, StartArgs } from './api';
import { FocusController } from './focusController';

export type { FocusApi, FocusCommandId, StartArgs } from './api';

export function registerFocus(
  context: vscode.ExtensionContext,
  team: TeamStore,
  github: GitHubAccess,
): { api: FocusApi; handlers: Record<FocusCommandId, (...args: any[]) => unknown> } {
  const controller = new FocusController(context, team, github);
  context.subscriptions.push(
    controller,
    // For the integration tests; not contributed, so not in the palette. A real reload cannot happen
    // inside a test run: suspend + resume do to this object what a reload does to the extension.
    vscode.commands.registerCommand('asyncDesk.focus.snapshotForTests', () => controller.snapshot()),
    vscode.commands.registerCommand('asyncDesk.focus.suspendForTests', () => controller.suspend()),
    vscode.commands.registerCommand('asyncDesk.focus.resumeForTests', async () => {
      await controller.resume();
      return controller.snapshot();
    }),
  );
  void controller.resume().catch((error) => log().error(`Focus session: resuming failed: ${errorMessage(error)}`));
  return {
    api: { inSession: () => controller.inSession(), onDidChange: controller.onDidChange },
    handlers: {
      'asyncDesk.focus.start': (args?: StartArgs) => controller.start(args),
      'asyncDesk.focus.end': () => controller.end('user'),
    },
  };
}
